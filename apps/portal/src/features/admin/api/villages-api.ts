import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type VillageList = Schema<'VillageListDto'>;
export type VillagePreview = Schema<'VillagePreviewDto'>;
export type VillageProblem = Schema<'VillageProblemDto'>;
export type VillageImportResult = Schema<'VillageImportResultDto'>;

/** The dry run: each line new or existing, problems per line; nothing written. */
export function previewVillages({ communeId, list }: { communeId: string; list: VillageList }) {
  return unwrap(
    apiClient.POST('/api/admin-units/{communeId}/villages/preview', {
      params: { path: { communeId } },
      body: list,
    }),
  );
}

export function importVillages({ communeId, list }: { communeId: string; list: VillageList }) {
  return unwrap(
    apiClient.POST('/api/admin-units/{communeId}/villages/import', {
      params: { path: { communeId } },
      body: list,
    }),
  );
}

import type { Schema } from '@hocvu/api-client';
import { AdminUnitKind } from '@hocvu/contracts';
import { useQuery } from '@tanstack/react-query';

import { apiClient } from '../../app/api-client';
import { unwrap } from '../api/api-error';

export type AdminUnit = Schema<'AdminUnitDto'>;

const collator = new Intl.Collator('vi');

export const adminUnitKeys = {
  all: ['admin-units'] as const,
  communes: () => [...adminUnitKeys.all, 'communes-and-wards'] as const,
};

async function fetchCommunesAndWards(signal: AbortSignal): Promise<AdminUnit[]> {
  const [communes, wards] = await Promise.all(
    [AdminUnitKind.Commune, AdminUnitKind.Ward].map((kind) =>
      unwrap(apiClient.GET('/api/admin-units', { params: { query: { kind } }, signal })),
    ),
  );
  return [...communes, ...wards].sort((a, b) => collator.compare(a.name, b.name));
}

/** The communes and wards of the province (public, changes rarely: cached for the visit). */
export function useCommunes() {
  return useQuery({
    queryKey: adminUnitKeys.communes(),
    queryFn: ({ signal }) => fetchCommunesAndWards(signal),
    staleTime: 60 * 60 * 1000,
    gcTime: 24 * 60 * 60 * 1000,
  });
}

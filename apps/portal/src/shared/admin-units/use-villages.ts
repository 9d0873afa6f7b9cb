import { AdminUnitKind } from '@hocvu/contracts';
import { useQuery } from '@tanstack/react-query';

import { apiClient } from '../../app/api-client';
import { unwrap } from '../api/api-error';
import { type AdminUnit, adminUnitKeys } from './use-communes';

const collator = new Intl.Collator('vi', { numeric: true });

export const villageKeys = {
  all: [...adminUnitKeys.all, 'villages'] as const,
  of: (communeId: string) => [...villageKeys.all, communeId] as const,
};

/** The villages (thôn, bản, tổ dân phố) of one commune, by name; nothing is fetched without a commune. */
export function useVillages(communeId: string | null | undefined) {
  return useQuery({
    queryKey: villageKeys.of(communeId ?? ''),
    queryFn: async ({ signal }): Promise<AdminUnit[]> => {
      const villages = await unwrap(
        apiClient.GET('/api/admin-units', {
          params: { query: { kind: AdminUnitKind.Village, parentId: communeId ?? '' } },
          signal,
        }),
      );
      return villages.sort((a, b) => collator.compare(a.name, b.name));
    },
    enabled: Boolean(communeId),
    staleTime: 10 * 60 * 1000,
  });
}

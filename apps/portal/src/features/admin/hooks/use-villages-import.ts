import { useMutation, useQueryClient } from '@tanstack/react-query';

import { villageKeys } from '../../../shared/admin-units/use-villages';
import { importVillages, previewVillages } from '../api/villages-api';

export function useVillagePreview() {
  return useMutation({ mutationFn: previewVillages });
}

export function useVillageImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importVillages,
    onSuccess: (result, { communeId }) =>
      queryClient.setQueryData(villageKeys.of(communeId), result.villages),
  });
}

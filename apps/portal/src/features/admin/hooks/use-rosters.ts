import { useMutation, useQueryClient } from '@tanstack/react-query';

import { enrolRoster, importRoster, previewRoster } from '../api/rosters-api';
import { adminKeys } from './use-admin';

export function useRosterPreview() {
  return useMutation({ mutationFn: previewRoster });
}

export function useRosterImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importRoster,
    // New learners appear in the user list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useRosterEnrol() {
  return useMutation({
    mutationFn: ({ importId, courseId }: { importId: string; courseId: string }) =>
      enrolRoster(importId, courseId),
  });
}

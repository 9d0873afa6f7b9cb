import type { Schema } from '@hocvu/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '../../app/api-client';
import { unwrap } from '../api/api-error';
import { learningKeys } from './query-keys';

/** One course the signed-in learner follows, with their progress. */
export type MyCourse = Schema<'LearningItemDto'>;

export function fetchMyLearning(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/me/learning', { signal }));
}

/**
 * The learner's enrolments: "Học tập của tôi" lists them, and a course page uses them to offer
 * "Vào học" instead of "Đăng ký học".
 */
export function useMyLearning({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: learningKeys.mine(),
    queryFn: ({ signal }) => fetchMyLearning(signal),
    enabled,
  });
}

/** Enrols the signed-in learner; enrolling twice is harmless (the API answers 200 the second time). */
export function useEnrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) =>
      unwrap(apiClient.POST('/api/courses/{id}/enrolment', { params: { path: { id: courseId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.mine() }),
  });
}

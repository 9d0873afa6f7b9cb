import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { learningKeys } from '../../../shared/courses/query-keys';
import type { LessonContent } from '../api/learning-api';
import { type Attempt, fetchAttempt, fetchQuizOverview, startAttempt, submitAttempt } from '../api/quiz-api';

export const quizKeys = {
  overview: (courseId: string, lessonId: string) =>
    [...learningKeys.all, 'quiz', courseId, lessonId] as const,
  attempt: (attemptId: string) => [...learningKeys.all, 'attempt', attemptId] as const,
};

export function useQuizOverview(courseId: string, lessonId: string) {
  return useQuery({
    queryKey: quizKeys.overview(courseId, lessonId),
    queryFn: ({ signal }) => fetchQuizOverview(courseId, lessonId, signal),
    // Attempts left and the cooldown change with time and with other devices: always ask again.
    staleTime: 0,
  });
}

/**
 * One attempt as the server has it: fetched afresh when opened again later (the remaining time is the
 * server's, answers may have been given on another device), but not right after starting it; never
 * refetched in the background while it is being taken.
 */
export function useAttempt(attemptId: string) {
  return useQuery({
    queryKey: quizKeys.attempt(attemptId),
    queryFn: ({ signal }) => fetchAttempt(attemptId, signal),
    staleTime: 5_000,
    refetchOnReconnect: false,
  });
}

/** Starts an attempt (or resumes the open one); the attempt goes straight into the cache. */
export function useStartAttempt(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startAttempt(courseId, lessonId),
    onSuccess: (attempt) => {
      queryClient.setQueryData(quizKeys.attempt(attempt.id), attempt);
    },
    onError: () => {
      // NO_ATTEMPTS_LEFT, ATTEMPT_COOLING_DOWN: the overview was out of date.
      void queryClient.invalidateQueries({ queryKey: quizKeys.overview(courseId, lessonId) });
    },
  });
}

export function useSubmitAttempt(attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => submitAttempt(attemptId),
    onSuccess: (attempt) => {
      queryClient.setQueryData(quizKeys.attempt(attempt.id), attempt);
    },
  });
}

/**
 * A finished attempt changes the quiz overview (attempts left, best score) and, when it passed, the
 * lesson (now complete), the course outline (progress, what is unlocked) and "Học tập của tôi".
 */
export function refreshAfterAttempt(queryClient: QueryClient, attempt: Attempt): void {
  const { courseId, lessonId } = attempt;
  void queryClient.invalidateQueries({ queryKey: quizKeys.overview(courseId, lessonId) });
  if (!attempt.result?.passed) return;
  queryClient.setQueryData<LessonContent>(learningKeys.lesson(courseId, lessonId), (lesson) =>
    lesson ? { ...lesson, completed: true } : lesson,
  );
  void queryClient.invalidateQueries({ queryKey: learningKeys.outline(courseId) });
  void queryClient.invalidateQueries({ queryKey: learningKeys.mine() });
  void queryClient.invalidateQueries({
    queryKey: [...learningKeys.all, 'lesson', courseId],
    predicate: (query) => query.queryKey[3] !== lessonId,
  });
}

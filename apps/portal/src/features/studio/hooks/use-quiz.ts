import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { fetchQuizStats, type QuizBody, saveQuiz } from '../api/quiz-api';
import type { StudioLesson } from '../api/studio-api';
import { studioKeys } from './use-studio';

export const quizKeys = {
  stats: (lessonId: string) => [...studioKeys.all, 'quiz-stats', lessonId] as const,
};

/**
 * Saves a quiz lesson's settings. The answer is the lesson (with `quizProblem`): it replaces the cached
 * one; the course follows (unpublished changes, and the final exam flag another lesson may have lost).
 */
export function useSaveQuiz(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuizBody) => saveQuiz(lessonId, body),
    onSuccess: (lesson: StudioLesson) => {
      queryClient.setQueryData(studioKeys.lesson(lessonId), lesson);
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(lesson.courseId) });
      // Flagging this lesson as the final exam unflags any other: their cached copies are stale.
      void queryClient.invalidateQueries({
        queryKey: [...studioKeys.all, 'lesson'],
        predicate: (query) => query.queryKey[2] !== lessonId,
      });
    },
  });
}

/** Item statistics of a quiz lesson; fetched only when shown (`enabled`), and again when shown anew. */
export function useQuizStats(lessonId: string, enabled = true) {
  return useQuery({
    queryKey: quizKeys.stats(lessonId),
    queryFn: ({ signal }) => fetchQuizStats(lessonId, signal),
    enabled,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { learningKeys } from '../../../shared/courses/query-keys';
import { completeLesson, fetchLesson, fetchOutline, type LessonContent } from '../api/learning-api';

export function useLearnerOutline(courseId: string) {
  return useQuery({
    queryKey: learningKeys.outline(courseId),
    queryFn: ({ signal }) => fetchOutline(courseId, signal),
  });
}

export function useLessonContent(courseId: string, lessonId: string) {
  return useQuery({
    queryKey: learningKeys.lesson(courseId, lessonId),
    queryFn: ({ signal }) => fetchLesson(courseId, lessonId, signal),
  });
}

/**
 * Marks an article as read. The answer is the new outline (progress, what is unlocked now); the lesson
 * shows itself completed, and "Học tập của tôi" and any lesson that was locked are fetched again.
 */
export function useCompleteLesson(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => completeLesson(courseId, lessonId),
    onSuccess: (outline) => {
      queryClient.setQueryData(learningKeys.outline(courseId), outline);
      queryClient.setQueryData<LessonContent>(learningKeys.lesson(courseId, lessonId), (lesson) =>
        lesson ? { ...lesson, completed: true } : lesson,
      );
      void queryClient.invalidateQueries({ queryKey: learningKeys.mine() });
      // Other lessons of the course may have been unlocked; this one's content is unchanged.
      void queryClient.invalidateQueries({
        queryKey: [...learningKeys.all, 'lesson', courseId],
        predicate: (query) => query.queryKey[3] !== lessonId,
      });
    },
  });
}

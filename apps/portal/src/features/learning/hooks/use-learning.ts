import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';

import { learningKeys } from '../../../shared/courses/query-keys';
import { completeLesson, fetchLesson, fetchOutline, type LessonContent } from '../api/learning-api';
import type { HeartbeatResult } from '../video-heartbeats';

export function useLearnerOutline(courseId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: learningKeys.outline(courseId),
    queryFn: ({ signal }) => fetchOutline(courseId, signal),
    enabled,
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
      refreshAfterCompletion(queryClient, courseId, lessonId);
    },
  });
}

/** "Học tập của tôi" and any lesson that was locked are fetched again; this lesson's content is unchanged. */
function refreshAfterCompletion(queryClient: QueryClient, courseId: string, lessonId: string): void {
  void queryClient.invalidateQueries({ queryKey: learningKeys.mine() });
  void queryClient.invalidateQueries({
    queryKey: [...learningKeys.all, 'lesson', courseId],
    predicate: (query) => query.queryKey[3] !== lessonId,
  });
}

/**
 * Keeps the cached video lesson in step with what the player reports, so that coming back to it
 * (without reloading) resumes at the right place; and when a heartbeat says the lesson is now complete,
 * updates it, the course outline and "Học tập của tôi" as marking an article read does.
 */
export function useVideoProgressCache(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const key = learningKeys.lesson(courseId, lessonId);
    return {
      position: (position: number) =>
        queryClient.setQueryData<LessonContent>(key, (lesson) =>
          lesson?.video ? { ...lesson, video: { ...lesson.video, resumeAt: position } } : lesson,
        ),
      result: (result: HeartbeatResult) => {
        const wasCompleted = queryClient.getQueryData<LessonContent>(key)?.completed ?? false;
        queryClient.setQueryData<LessonContent>(key, (lesson) =>
          lesson?.video
            ? {
                ...lesson,
                completed: lesson.completed || result.completed,
                video: { ...lesson.video, watchedSeconds: result.watchedSeconds },
              }
            : lesson,
        );
        if (result.completed && !wasCompleted) {
          void queryClient.invalidateQueries({ queryKey: learningKeys.outline(courseId) });
          refreshAfterCompletion(queryClient, courseId, lessonId);
        }
      },
    };
  }, [queryClient, courseId, lessonId]);
}

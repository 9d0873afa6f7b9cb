import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type LearnerOutline = Schema<'LearnerOutlineDto'>;
export type LessonContent = Schema<'LessonContentDto'>;
export type LessonVideo = Schema<'LessonVideoDto'>;

export function fetchOutline(courseId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/learn/{courseId}', { params: { path: { courseId } }, signal }));
}

export function fetchLesson(courseId: string, lessonId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/learn/{courseId}/lessons/{lessonId}', {
      params: { path: { courseId, lessonId } },
      signal,
    }),
  );
}

export function completeLesson(courseId: string, lessonId: string) {
  return unwrap(
    apiClient.POST('/api/learn/{courseId}/lessons/{lessonId}/complete', {
      params: { path: { courseId, lessonId } },
    }),
  );
}

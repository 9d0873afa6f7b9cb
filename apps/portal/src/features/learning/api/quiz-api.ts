import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type QuizOverview = Schema<'QuizOverviewDto'>;
export type AttemptSummary = Schema<'AttemptSummaryDto'>;
export type Attempt = Schema<'AttemptDto'>;
export type AttemptQuestion = Schema<'AttemptQuestionDto'>;
export type AttemptQuestionView = Schema<'LearnerQuestionDto'>;
export type AnswerPayload = Schema<'AnswerPayloadDto'>;
export type QuestionFeedback = Schema<'QuestionFeedbackDto'>;
export type SavedAnswer = Schema<'SavedAnswerDto'>;

export function fetchQuizOverview(courseId: string, lessonId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/learn/{courseId}/quizzes/{lessonId}', {
      params: { path: { courseId, lessonId } },
      signal,
    }),
  );
}

/** Starts an attempt, or resumes the one in progress (the API answers 200 with it instead of 201). */
export function startAttempt(courseId: string, lessonId: string) {
  return unwrap(
    apiClient.POST('/api/learn/{courseId}/quizzes/{lessonId}/attempts', {
      params: { path: { courseId, lessonId } },
    }),
  );
}

export function fetchAttempt(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/attempts/{id}', { params: { path: { id } }, signal }));
}

export function saveAnswer(
  attemptId: string,
  questionId: string,
  body: { answer: AnswerPayload; timeSpentMs?: number },
) {
  return unwrap(
    apiClient.PUT('/api/attempts/{id}/answers/{questionId}', {
      params: { path: { id: attemptId, questionId } },
      body,
    }),
  );
}

export function submitAttempt(id: string) {
  return unwrap(apiClient.POST('/api/attempts/{id}/submit', { params: { path: { id } } }));
}

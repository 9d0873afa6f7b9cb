import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

/** What the studio sends for a quiz lesson: its settings and whether it is the course's final exam. */
export type QuizBody = Schema<'UpdateQuizDto'>;
export type QuizPoolBody = Schema<'QuizPoolDto'>;
/** Item statistics over the quiz's finished attempts. */
export type QuizStats = Schema<'QuizStatsDto'>;
export type ScoreBucket = Schema<'ScoreBucketDto'>;
export type QuestionStat = Schema<'QuestionStatDto'>;
/** The course's question bank with every tag in use (the pools draw by tag). */
export type QuestionBank = Schema<'QuestionListDto'>;

const id = (value: string) => ({ params: { path: { id: value } } });

/** Saves a quiz lesson's settings; the answer is the lesson, with `quizProblem` when it is not ready. */
export function saveQuiz(lessonId: string, body: QuizBody) {
  return unwrap(apiClient.PUT('/api/studio/lessons/{id}/quiz', { ...id(lessonId), body }));
}

export function fetchQuizStats(lessonId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/lessons/{id}/quiz-stats', { ...id(lessonId), signal }));
}

import { ErrorCode, type LocalizedText } from '@hocvu/contracts';

import { isApiError } from '../../../../shared/api/api-error';

/** A quiz lesson publishing refused (QUIZ_NOT_READY), with the API's reason in English. */
export interface QuizNotReadyLesson {
  lessonId: string;
  title: LocalizedText;
  problem: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return isRecord(value) && Object.values(value).every((text) => typeof text === 'string');
}

/**
 * The quiz lessons named by a QUIZ_NOT_READY answer (`details.lessons`), one entry per lesson (the API
 * may give one lesson several problems: the first is kept). Empty for any other error.
 */
export function quizNotReadyLessons(error: unknown): QuizNotReadyLesson[] {
  if (!isApiError(error) || error.code !== ErrorCode.QuizNotReady) return [];
  const details: unknown = error.details;
  const lessons = isRecord(details) && Array.isArray(details['lessons']) ? details['lessons'] : [];
  const seen = new Set<string>();
  const result: QuizNotReadyLesson[] = [];
  for (const entry of lessons as unknown[]) {
    if (!isRecord(entry) || typeof entry['lessonId'] !== 'string' || seen.has(entry['lessonId'])) continue;
    seen.add(entry['lessonId']);
    result.push({
      lessonId: entry['lessonId'],
      title: isLocalizedText(entry['title']) ? entry['title'] : {},
      problem: typeof entry['problem'] === 'string' ? entry['problem'] : '',
    });
  }
  return result;
}

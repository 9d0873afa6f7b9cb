import {
  ErrorCode,
  QUIZ_MAX_ATTEMPTS,
  QUIZ_MAX_COOLDOWN_MINUTES,
  QUIZ_MAX_POOLS,
  QUIZ_MAX_QUESTIONS,
  QUIZ_MAX_TIME_LIMIT_MINUTES,
} from '@hocvu/contracts';
import type { TFunction } from 'i18next';

import type { FieldProblems } from '../../../../shared/forms';
import {
  poolCountField,
  poolTagField,
  type QuizFormValues,
  type QuizReadiness,
  totalQuestions,
} from './quiz-form';

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Element ids of the form's controls, for the error summary's links. */
export const QUIZ_FIELD_IDS = {
  pools: 'quiz-pools',
  addPool: 'quiz-pools-add',
  shuffleQuestions: 'quiz-shuffleQuestions',
  shuffleOptions: 'quiz-shuffleOptions',
  timeLimitMinutes: 'quiz-timeLimitMinutes',
  attemptsAllowed: 'quiz-attemptsAllowed',
  cooldownMinutes: 'quiz-cooldownMinutes',
  passingPercent: 'quiz-passingPercent',
  feedback: 'quiz-feedback',
  finalExam: 'quiz-finalExam',
} as const;

/** The sentence for a field's broken rules, whether the form or the API found them. */
export function quizFieldMessage(
  t: TFunction,
  field: string,
  rules: readonly string[],
  values: QuizFormValues,
): string {
  const apiCode = rules.find((rule) => ERROR_CODES.has(rule));
  if (apiCode) return t(`errors.${apiCode as ErrorCode}`);
  const row = values.pools.findIndex(
    (pool) => poolTagField(pool.key) === field || poolCountField(pool.key) === field,
  );
  const pool = values.pools[row];
  if (pool) {
    return field === poolTagField(pool.key)
      ? t('studioQuiz.validation.tagRequired', { number: row + 1 })
      : t('studioQuiz.validation.count', { number: row + 1, max: QUIZ_MAX_QUESTIONS });
  }
  switch (field) {
    case 'pools':
      if (rules.includes('arrayMinSize')) return t('studioQuiz.validation.poolsRequired');
      if (rules.includes('arrayMaxSize')) return t('studioQuiz.validation.poolsMax', { max: QUIZ_MAX_POOLS });
      if (rules.includes('total')) {
        return t('studioQuiz.validation.total', {
          max: QUIZ_MAX_QUESTIONS,
          total: totalQuestions(values.pools),
        });
      }
      return t('studioQuiz.validation.pools', { max: QUIZ_MAX_QUESTIONS });
    case 'timeLimitMinutes':
      return t('studioQuiz.validation.timeLimit', { max: QUIZ_MAX_TIME_LIMIT_MINUTES });
    case 'attemptsAllowed':
      return t('studioQuiz.validation.attempts', { max: QUIZ_MAX_ATTEMPTS });
    case 'cooldownMinutes':
      return t('studioQuiz.validation.cooldown', { max: QUIZ_MAX_COOLDOWN_MINUTES });
    case 'passingPercent':
      return t('studioQuiz.validation.passing');
    default:
      return t('studioQuiz.validation.invalid');
  }
}

/** Where the error summary's link for a field goes. */
export function quizFieldTarget(field: string, values: QuizFormValues): string {
  if (field === 'pools') {
    const first = values.pools[0];
    return first ? poolTagField(first.key) : QUIZ_FIELD_IDS.addPool;
  }
  if (field in QUIZ_FIELD_IDS) return QUIZ_FIELD_IDS[field as keyof typeof QUIZ_FIELD_IDS];
  return field.startsWith('quiz-pool-') ? field : 'main';
}

/** The error summary's lines: pools first, row by row, then the other fields in the form's order. */
export function quizSummary(
  t: TFunction,
  problems: FieldProblems,
  values: QuizFormValues,
): { targetId: string; message: string }[] {
  const order = [
    'pools',
    ...values.pools.flatMap((pool) => [poolTagField(pool.key), poolCountField(pool.key)]),
    ...Object.keys(QUIZ_FIELD_IDS),
  ];
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return Object.entries(problems)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, rules]) => ({
      targetId: quizFieldTarget(field, values),
      message: quizFieldMessage(t, field, rules, values),
    }));
}

/** Why a quiz cannot be published yet, in words; null when it can. */
export function readinessMessage(t: TFunction, readiness: QuizReadiness): string | null {
  switch (readiness.kind) {
    case 'ready':
      return null;
    case 'notSet':
      return t('studioQuiz.problem.notSet');
    case 'short':
      return t('studioQuiz.problem.short', readiness);
    case 'shared':
      return t('studioQuiz.problem.shared', {
        need: readiness.need,
        have: readiness.have,
        tags: readiness.tags.map((tag) => `“${tag}”`).join(', '),
      });
  }
}

import { type BankEntry, DrawError, drawQuestions } from '@hocvu/assessment';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_MAX_ATTEMPTS,
  QUIZ_MAX_COOLDOWN_MINUTES,
  QUIZ_MAX_POOLS,
  QUIZ_MAX_QUESTIONS,
  QUIZ_MAX_TIME_LIMIT_MINUTES,
  type QuizFeedback,
  type QuizPool,
  type QuizSettings,
} from '@hocvu/contracts';

import type { FieldProblems } from '../../../../shared/forms';
import type { QuizBody } from '../../api/quiz-api';

/** One row of the pools editor; `key` tells rows apart while they are added and removed. */
export interface PoolRow {
  key: string;
  tag: string;
  count: string;
}

/** The quiz settings form, as typed: numbers stay text until they are checked. */
export interface QuizFormValues {
  pools: PoolRow[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  timeLimit: 'none' | 'limited';
  timeLimitMinutes: string;
  attempts: 'unlimited' | 'limited';
  attemptsAllowed: string;
  cooldownMinutes: string;
  passingPercent: string;
  feedback: QuizFeedback;
  finalExam: boolean;
}

/** Questions a new pool draws until the teacher says otherwise. */
export const NEW_POOL_COUNT = 5;

let poolKeys = 0;

/** A pool row with a key no other row of this page has. */
export function poolRow(tag = '', count: number | string = NEW_POOL_COUNT): PoolRow {
  poolKeys += 1;
  return { key: `p${poolKeys}`, tag, count: String(count) };
}

/** The form for a lesson's saved settings; a quiz not set up yet starts from the defaults and one empty pool. */
export function quizFormValues(quiz: QuizSettings | null, finalExam: boolean): QuizFormValues {
  const settings = quiz ?? DEFAULT_QUIZ_SETTINGS;
  return {
    pools:
      settings.pools.length > 0 ? settings.pools.map((pool) => poolRow(pool.tag, pool.count)) : [poolRow()],
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    timeLimit: settings.timeLimitMinutes === null ? 'none' : 'limited',
    timeLimitMinutes: settings.timeLimitMinutes === null ? '' : String(settings.timeLimitMinutes),
    attempts: settings.attemptsAllowed === null ? 'unlimited' : 'limited',
    attemptsAllowed: settings.attemptsAllowed === null ? '' : String(settings.attemptsAllowed),
    cooldownMinutes: String(settings.cooldownMinutes),
    passingPercent: String(settings.passingPercent),
    feedback: settings.feedback,
    finalExam,
  };
}

/** Field (and element) ids of a pool row's controls: problems are reported on them. */
export const poolTagField = (key: string) => `quiz-pool-${key}-tag`;
export const poolCountField = (key: string) => `quiz-pool-${key}-count`;

/** A whole number typed in a box, or null when it is not one. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

function checkRange(text: string, min: number, max: number): string[] {
  const value = wholeNumber(text);
  if (value === null) return ['isInt'];
  if (value < min) return ['min'];
  return value > max ? ['max'] : [];
}

/** The questions one attempt draws: the sum of the counts typed so far (rows without a number count 0). */
export function totalQuestions(pools: readonly PoolRow[]): number {
  return pools.reduce((sum, pool) => sum + (wholeNumber(pool.count) ?? 0), 0);
}

/**
 * Problems of the form, by the API's rules (UpdateQuizDto): 1–10 pools each with a tag and 1–100
 * questions, at most 100 in all; the limits of time, attempts, waiting time and passing score.
 */
export function checkQuizValues(values: QuizFormValues): FieldProblems {
  const problems: Record<string, readonly string[]> = {};
  const add = (field: string, rules: readonly string[]) => {
    if (rules.length > 0) problems[field] = rules;
  };
  if (values.pools.length === 0) add('pools', ['arrayMinSize']);
  else if (values.pools.length > QUIZ_MAX_POOLS) add('pools', ['arrayMaxSize']);
  for (const pool of values.pools) {
    add(poolTagField(pool.key), pool.tag.trim() === '' ? ['isNotEmpty'] : []);
    add(poolCountField(pool.key), checkRange(pool.count, 1, QUIZ_MAX_QUESTIONS));
  }
  // The total is worth a word only once every row's own count is right.
  const rowsOk = values.pools.every((pool) => !problems[poolCountField(pool.key)]);
  if (!problems['pools'] && rowsOk && totalQuestions(values.pools) > QUIZ_MAX_QUESTIONS) {
    add('pools', ['total']);
  }
  if (values.timeLimit === 'limited') {
    add('timeLimitMinutes', checkRange(values.timeLimitMinutes, 1, QUIZ_MAX_TIME_LIMIT_MINUTES));
  }
  if (values.attempts === 'limited') {
    add('attemptsAllowed', checkRange(values.attemptsAllowed, 1, QUIZ_MAX_ATTEMPTS));
  }
  add('cooldownMinutes', checkRange(values.cooldownMinutes, 0, QUIZ_MAX_COOLDOWN_MINUTES));
  add('passingPercent', checkRange(values.passingPercent, 0, 100));
  return problems;
}

/** The PUT body for values that passed checkQuizValues. */
export function quizBody(values: QuizFormValues): QuizBody {
  const number = (text: string) => wholeNumber(text) ?? 0;
  return {
    pools: values.pools.map((pool) => ({ tag: pool.tag.trim(), count: number(pool.count) })),
    shuffleQuestions: values.shuffleQuestions,
    shuffleOptions: values.shuffleOptions,
    timeLimitMinutes: values.timeLimit === 'limited' ? number(values.timeLimitMinutes) : null,
    attemptsAllowed: values.attempts === 'limited' ? number(values.attemptsAllowed) : null,
    cooldownMinutes: number(values.cooldownMinutes),
    passingPercent: number(values.passingPercent),
    feedback: values.feedback,
    finalExam: values.finalExam,
  };
}

/** How many questions of the bank carry each tag. */
export function tagCounts(bank: readonly { tags: readonly string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of bank) {
    for (const tag of new Set(question.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

/** The tags a pool may draw from: the bank's, sorted, and those already chosen even if no question has them now. */
export function tagChoices(bankTags: readonly string[], pools: readonly PoolRow[]): string[] {
  const chosen = pools.map((pool) => pool.tag).filter((tag) => tag !== '');
  return [...new Set([...bankTags, ...chosen])].sort((a, b) => a.localeCompare(b, 'vi'));
}

/** A pool row against the bank: questions with its tag, and whether the row asks for more than that. */
export interface PoolAvailability {
  have: number;
  need: number;
  short: boolean;
}

/** Per row (by key): rows without a tag or a valid count are left out. */
export function poolAvailability(
  pools: readonly PoolRow[],
  counts: ReadonlyMap<string, number>,
): Map<string, PoolAvailability> {
  const result = new Map<string, PoolAvailability>();
  for (const pool of pools) {
    const need = wholeNumber(pool.count);
    if (pool.tag === '' || need === null || need === 0) continue;
    const have = counts.get(pool.tag) ?? 0;
    result.set(pool.key, { have, need, short: need > have });
  }
  return result;
}

/** Whether every attempt can be drawn from the bank, and if not, why, in terms the page can put into words. */
export type QuizReadiness =
  | { kind: 'ready' }
  | { kind: 'notSet' }
  /** One pool asks for more questions than carry its tag. */
  | { kind: 'short'; tag: string; need: number; have: number }
  /** Pools share questions (one question carries several of their tags): together they need more. */
  | { kind: 'shared'; tags: string[]; need: number; have: number };

/**
 * The same check the API makes when publishing (`poolsProblem`): a draw is tried, and it fails whatever
 * the seed when the bank cannot serve the pools.
 */
export function quizReadiness(pools: readonly QuizPool[] | null, bank: readonly BankEntry[]): QuizReadiness {
  const usable = (pools ?? []).filter((pool) => pool.tag !== '' && pool.count > 0);
  if (usable.length === 0) return { kind: 'notSet' };
  try {
    drawQuestions(usable, bank, 'studio-check');
    return { kind: 'ready' };
  } catch (error) {
    if (!(error instanceof DrawError)) return { kind: 'notSet' };
    const tags = [...new Set(error.tags)];
    const involved = usable.filter((pool) => tags.includes(pool.tag));
    const need = involved.reduce((sum, pool) => sum + pool.count, 0);
    const have = bank.filter((entry) => entry.tags.some((tag) => tags.includes(tag))).length;
    const [tag] = tags;
    return tags.length === 1 && involved.length === 1 && tag !== undefined
      ? { kind: 'short', tag, need, have }
      : { kind: 'shared', tags, need, have };
  }
}

/** Pools of the form that can be checked against the bank (a tag and a valid count). */
export function formPools(values: QuizFormValues): QuizPool[] {
  return values.pools.flatMap((pool) => {
    const count = wholeNumber(pool.count);
    return pool.tag !== '' && count !== null && count > 0 ? [{ tag: pool.tag, count }] : [];
  });
}

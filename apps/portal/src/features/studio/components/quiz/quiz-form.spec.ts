import { DEFAULT_QUIZ_SETTINGS, QuizFeedback, type QuizSettings } from '@hocvu/contracts';
import { describe, expect, it } from '@jest/globals';

import {
  checkQuizValues,
  formPools,
  poolAvailability,
  poolCountField,
  poolRow,
  poolTagField,
  quizBody,
  type QuizFormValues,
  quizFormValues,
  quizReadiness,
  tagChoices,
  tagCounts,
  totalQuestions,
} from './quiz-form';

const SETTINGS: QuizSettings = {
  pools: [
    { tag: 'VNeID', count: 3 },
    { tag: 'an toàn', count: 2 },
  ],
  shuffleQuestions: false,
  shuffleOptions: true,
  timeLimitMinutes: 20,
  attemptsAllowed: 3,
  cooldownMinutes: 60,
  passingPercent: 80,
  feedback: QuizFeedback.AfterEach,
};

/** A bank of `n` questions per tag (ids `tag-1`…), plus any extra entries. */
function bank(perTag: Record<string, number>, extra: { id: string; tags: string[] }[] = []) {
  return [
    ...Object.entries(perTag).flatMap(([tag, n]) =>
      Array.from({ length: n }, (_, i) => ({ id: `${tag}-${i + 1}`, tags: [tag] })),
    ),
    ...extra,
  ];
}

describe('quiz settings form ↔ PUT body', () => {
  it('round-trips saved settings', () => {
    const values = quizFormValues(SETTINGS, true);
    expect(values).toMatchObject({
      timeLimit: 'limited',
      timeLimitMinutes: '20',
      attempts: 'limited',
      attemptsAllowed: '3',
      cooldownMinutes: '60',
      passingPercent: '80',
      feedback: 'after_each',
      finalExam: true,
    });
    expect(checkQuizValues(values)).toEqual({});
    expect(quizBody(values)).toEqual({ ...SETTINGS, finalExam: true });
  });

  it('starts a quiz without settings from the defaults, with one empty pool to fill in', () => {
    const values = quizFormValues(null, false);
    expect(values.pools).toHaveLength(1);
    expect(values.pools[0]).toMatchObject({ tag: '', count: '5' });
    expect(values).toMatchObject({ timeLimit: 'none', attempts: 'unlimited', passingPercent: '70' });
    const first = values.pools[0]?.key ?? '';
    expect(checkQuizValues(values)).toEqual({ [poolTagField(first)]: ['isNotEmpty'] });
    const filled = { ...values, pools: [{ ...values.pools[0], key: first, tag: 'VNeID', count: '5' }] };
    expect(quizBody(filled)).toEqual({
      ...DEFAULT_QUIZ_SETTINGS,
      pools: [{ tag: 'VNeID', count: 5 }],
      finalExam: false,
    });
  });

  it('sends null for no time limit and unlimited attempts, whatever number was typed before', () => {
    const values: QuizFormValues = {
      ...quizFormValues(SETTINGS, false),
      timeLimit: 'none',
      timeLimitMinutes: 'abc',
      attempts: 'unlimited',
      attemptsAllowed: '',
    };
    expect(checkQuizValues(values)).toEqual({});
    expect(quizBody(values)).toMatchObject({ timeLimitMinutes: null, attemptsAllowed: null });
  });

  it('gives every pool row a key of its own', () => {
    const keys = [poolRow(), poolRow(), ...quizFormValues(SETTINGS, false).pools].map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('checkQuizValues', () => {
  const base = quizFormValues(SETTINGS, false);
  const withPools = (...counts: string[]): QuizFormValues => ({
    ...base,
    pools: counts.map((count, i) => poolRow(`tag${i}`, count)),
  });

  it('applies the API limits to each number', () => {
    const problems = checkQuizValues({
      ...base,
      timeLimitMinutes: '301',
      attemptsAllowed: '0',
      cooldownMinutes: '10081',
      passingPercent: '',
    });
    expect(problems).toEqual({
      timeLimitMinutes: ['max'],
      attemptsAllowed: ['min'],
      cooldownMinutes: ['max'],
      passingPercent: ['isInt'],
    });
    expect(
      checkQuizValues({ ...base, timeLimitMinutes: '300', attemptsAllowed: '100', cooldownMinutes: '0' }),
    ).toEqual({});
    expect(checkQuizValues({ ...base, passingPercent: '100' })).toEqual({});
    expect(checkQuizValues({ ...base, passingPercent: '0' })).toEqual({});
  });

  it('wants 1–100 questions per pool, at most 100 in all, and 1–10 pools', () => {
    const rows = withPools('0', '101', '7');
    expect(checkQuizValues(rows)).toEqual({
      [poolCountField(rows.pools[0]?.key ?? '')]: ['min'],
      [poolCountField(rows.pools[1]?.key ?? '')]: ['max'],
    });
    expect(checkQuizValues(withPools('60', '41'))).toEqual({ pools: ['total'] });
    expect(checkQuizValues(withPools('60', '40'))).toEqual({});
    expect(checkQuizValues({ ...base, pools: [] })).toEqual({ pools: ['arrayMinSize'] });
    expect(checkQuizValues(withPools(...Array.from({ length: 11 }, () => '1')))).toEqual({
      pools: ['arrayMaxSize'],
    });
  });

  it('counts the questions typed so far, ignoring rows without a number', () => {
    expect(totalQuestions(withPools('3', '', '4').pools)).toBe(7);
  });
});

describe('pools against the bank', () => {
  const questions = bank({ VNeID: 6, 'an toàn': 2 }, [{ id: 'both', tags: ['VNeID', 'an toàn', 'an toàn'] }]);

  it('counts the questions carrying each tag (a question counts once per tag)', () => {
    expect(Object.fromEntries(tagCounts(questions))).toEqual({ VNeID: 7, 'an toàn': 3 });
  });

  it('offers the bank tags, sorted, and keeps a chosen tag the bank no longer has', () => {
    const pools = [poolRow('đã xoá', 2), poolRow('', 1)];
    expect(tagChoices(['VNeID', 'an toàn'], pools)).toEqual(['an toàn', 'đã xoá', 'VNeID']);
  });

  it('warns about a row asking for more questions than carry its tag', () => {
    const counts = tagCounts(questions);
    const ok = poolRow('VNeID', '7');
    const short = poolRow('an toàn', '4');
    const missing = poolRow('thứ tự', '1');
    const untagged = poolRow('', '3');
    const empty = poolRow('VNeID', '');
    const result = poolAvailability([ok, short, missing, untagged, empty], counts);
    expect(result.get(ok.key)).toEqual({ have: 7, need: 7, short: false });
    expect(result.get(short.key)).toEqual({ have: 3, need: 4, short: true });
    expect(result.get(missing.key)).toEqual({ have: 0, need: 1, short: true });
    expect(result.has(untagged.key)).toBe(false);
    expect(result.has(empty.key)).toBe(false);
  });

  it('says whether a quiz can be drawn, as the API does when publishing', () => {
    expect(quizReadiness(null, questions)).toEqual({ kind: 'notSet' });
    expect(quizReadiness([], questions)).toEqual({ kind: 'notSet' });
    expect(quizReadiness([{ tag: 'VNeID', count: 7 }], questions)).toEqual({ kind: 'ready' });
    expect(quizReadiness([{ tag: 'an toàn', count: 4 }], questions)).toEqual({
      kind: 'short',
      tag: 'an toàn',
      need: 4,
      have: 3,
    });
    // Each pool alone is fine, but the question tagged both cannot serve both pools.
    expect(
      quizReadiness(
        [
          { tag: 'VNeID', count: 7 },
          { tag: 'an toàn', count: 3 },
        ],
        questions,
      ),
    ).toEqual({ kind: 'shared', tags: ['VNeID', 'an toàn'], need: 10, have: 9 });
    // Two pools with the same tag compete for the same questions.
    expect(
      quizReadiness(
        [
          { tag: 'an toàn', count: 2 },
          { tag: 'an toàn', count: 2 },
        ],
        questions,
      ),
    ).toEqual({ kind: 'shared', tags: ['an toàn'], need: 4, have: 3 });
  });

  it('checks only the rows of the form that are filled in', () => {
    const values = {
      ...quizFormValues(null, false),
      pools: [poolRow('VNeID', '2'), poolRow('', '3'), poolRow('x', '')],
    };
    expect(formPools(values)).toEqual([{ tag: 'VNeID', count: 2 }]);
  });
});

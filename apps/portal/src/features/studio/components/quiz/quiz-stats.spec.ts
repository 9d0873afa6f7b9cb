import { describe, expect, it } from '@jest/globals';

import type { QuestionStat, ScoreBucket } from '../../api/quiz-api';
import {
  bucketRange,
  chartSeries,
  distributionSummary,
  hardestFirst,
  passRate,
  questionFlag,
} from './quiz-stats';

/** The API's ten buckets with the given counts (0–9.9, 10–19.9, … 90–100). */
function distribution(counts: number[]): ScoreBucket[] {
  return counts.map((count, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9.9, count }));
}

const question = (questionId: string, correctPercent: number | null): QuestionStat => ({
  questionId,
  text: { vi: questionId },
  type: 'single_choice',
  attempts: 4,
  answered: 4,
  correctPercent,
  averageScore: null,
  averageSeconds: 12.5,
});

describe('quiz statistics', () => {
  it('flags questions under 30% or over 95% correct', () => {
    expect(questionFlag(null)).toBeNull();
    expect(questionFlag(0)).toBe('hard');
    expect(questionFlag(29.9)).toBe('hard');
    expect(questionFlag(30)).toBeNull();
    expect(questionFlag(95)).toBeNull();
    expect(questionFlag(95.1)).toBe('easy');
    expect(questionFlag(100)).toBe('easy');
  });

  it('lists the hardest questions first and those nobody answered last', () => {
    const sorted = hardestFirst([
      question('a', 80),
      question('b', null),
      question('c', 12.5),
      question('d', 100),
    ]);
    expect(sorted.map((q) => q.questionId)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('gives the pass rate with one decimal, none before any attempt', () => {
    expect(passRate({ attempts: 0, passedAttempts: 0 })).toBeNull();
    expect(passRate({ attempts: 3, passedAttempts: 2 })).toBe(66.7);
    expect(passRate({ attempts: 4, passedAttempts: 4 })).toBe(100);
  });

  it('names the buckets as people read them, the last one up to 100', () => {
    expect(bucketRange({ from: 0, to: 9.9 })).toEqual({ from: 0, to: 9 });
    expect(bucketRange({ from: 90, to: 100 })).toEqual({ from: 90, to: 100 });
  });

  it('draws one bar per bucket, lowest scores first', () => {
    const buckets = distribution([0, 0, 0, 0, 0, 0, 1, 3, 2, 4]).reverse();
    expect(chartSeries(buckets)).toEqual({
      labels: [
        '0–9%',
        '10–19%',
        '20–29%',
        '30–39%',
        '40–49%',
        '50–59%',
        '60–69%',
        '70–79%',
        '80–89%',
        '90–100%',
      ],
      counts: [0, 0, 0, 0, 0, 0, 1, 3, 2, 4],
    });
  });

  it('sums up the distribution for its text alternative: total and the fullest buckets', () => {
    expect(distributionSummary(distribution([0, 0, 0, 0, 0, 0, 1, 3, 2, 4]))).toEqual({
      total: 10,
      peaks: [{ from: 90, to: 100, count: 4 }],
    });
    expect(distributionSummary(distribution([2, 0, 0, 0, 0, 2, 0, 0, 0, 1]))).toEqual({
      total: 5,
      peaks: [
        { from: 0, to: 9, count: 2 },
        { from: 50, to: 59, count: 2 },
      ],
    });
    expect(distributionSummary(distribution(Array.from({ length: 10 }, () => 0)))).toEqual({
      total: 0,
      peaks: [],
    });
  });
});

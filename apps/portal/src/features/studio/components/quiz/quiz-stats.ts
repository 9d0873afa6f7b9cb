import type { QuestionStat, QuizStats, ScoreBucket } from '../../api/quiz-api';

/** Below this share correct a question is flagged as very hard (maybe wrong or unclear). */
export const HARD_BELOW_PERCENT = 30;
/** Above this share correct a question is flagged as very easy (it tells learners apart little). */
export const EASY_ABOVE_PERCENT = 95;

export type QuestionFlag = 'hard' | 'easy';

/** Whether a question's share correct deserves the teacher's look; null when nobody answered it yet. */
export function questionFlag(correctPercent: number | null): QuestionFlag | null {
  if (correctPercent === null) return null;
  if (correctPercent < HARD_BELOW_PERCENT) return 'hard';
  return correctPercent > EASY_ABOVE_PERCENT ? 'easy' : null;
}

/** Hardest first (lowest share correct); questions without a share last, in the order given. */
export function hardestFirst(questions: readonly QuestionStat[]): QuestionStat[] {
  return [...questions].sort((a, b) => (a.correctPercent ?? 101) - (b.correctPercent ?? 101));
}

/** Share of finished attempts that passed, 0–100 with one decimal; null before any attempt. */
export function passRate(stats: Pick<QuizStats, 'attempts' | 'passedAttempts'>): number | null {
  if (stats.attempts === 0) return null;
  return Math.round((stats.passedAttempts * 1000) / stats.attempts) / 10;
}

/** A bucket's range as people read it: "0–9", …, "90–100" (the last bucket includes 100). */
export function bucketRange(bucket: Pick<ScoreBucket, 'from' | 'to'>): { from: number; to: number } {
  return { from: bucket.from, to: bucket.to >= 100 ? 100 : Math.floor(bucket.to) };
}

/** What the chart draws: one bar per bucket, lowest scores first. */
export function chartSeries(distribution: readonly ScoreBucket[]): { labels: string[]; counts: number[] } {
  const buckets = [...distribution].sort((a, b) => a.from - b.from);
  return {
    labels: buckets.map((bucket) => {
      const { from, to } = bucketRange(bucket);
      return `${from}–${to}%`;
    }),
    counts: buckets.map((bucket) => bucket.count),
  };
}

/** The gist of the distribution for the chart's text alternative: how many attempts, and where most fell. */
export interface DistributionSummary {
  total: number;
  /** The buckets with the most attempts (several when tied); empty when there are none. */
  peaks: { from: number; to: number; count: number }[];
}

export function distributionSummary(distribution: readonly ScoreBucket[]): DistributionSummary {
  const total = distribution.reduce((sum, bucket) => sum + bucket.count, 0);
  const most = Math.max(0, ...distribution.map((bucket) => bucket.count));
  const peaks =
    most === 0
      ? []
      : [...distribution]
          .sort((a, b) => a.from - b.from)
          .filter((bucket) => bucket.count === most)
          .map((bucket) => ({ ...bucketRange(bucket), count: bucket.count }));
  return { total, peaks };
}

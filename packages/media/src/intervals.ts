/**
 * Watched intervals: which parts of a video a learner has played, as [start, end] pairs in seconds (floats).
 * The player reports the spans it played; the server merges them into the learner's record and counts
 * how much of the video is covered, so re-watching a part or seeking back and forth never counts twice.
 */

export type Interval = [start: number, end: number];

/** Gaps shorter than this (player timing jitter, a report boundary) are joined by default. */
export const DEFAULT_GAP_TOLERANCE_SECONDS = 0.5;

/** A report may end this far past the known duration (rounding, container vs. stream duration). */
export const INTERVAL_END_TOLERANCE_SECONDS = 1;

/** Most intervals one report may carry. */
export const MAX_INTERVALS = 100;

/**
 * Sorted, non-overlapping intervals covering the same time. Intervals that overlap or touch are joined,
 * and so are intervals less than `gapTolerance` seconds apart (the gap then counts as watched). Empty,
 * inverted and non-finite intervals are dropped. Never modifies its input.
 */
export function mergeIntervals(
  intervals: readonly Interval[],
  gapTolerance: number = DEFAULT_GAP_TOLERANCE_SECONDS,
): Interval[] {
  const tolerance = Number.isFinite(gapTolerance) && gapTolerance > 0 ? gapTolerance : 0;
  const valid = intervals
    .filter(isUsable)
    .map(([start, end]): Interval => [start, end])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const merged: Interval[] = [];
  for (const interval of valid) {
    const last = merged[merged.length - 1];
    // Join when overlapping or touching (needed for a tolerance of 0) or closer than the tolerance.
    if (last && (interval[0] <= last[1] || interval[0] - last[1] < tolerance)) {
      last[1] = Math.max(last[1], interval[1]);
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/**
 * Seconds covered by the intervals once merged (with the default gap tolerance), rounded to the
 * millisecond so sums of floats do not show as 12.000000000000002.
 */
export function coveredSeconds(intervals: readonly Interval[]): number {
  return roundMs(mergeIntervals(intervals).reduce((sum, [start, end]) => sum + (end - start), 0));
}

/**
 * Seconds `added` covers that `existing` did not: coveredSeconds(existing + added) − coveredSeconds(existing),
 * so running totals stay exact. (A gap shorter than the tolerance that `added` closes counts as new.)
 * Never negative.
 */
export function newlyCoveredSeconds(existing: readonly Interval[], added: readonly Interval[]): number {
  const before = coveredSeconds(existing);
  const after = coveredSeconds([...existing, ...added]);
  return Math.max(0, roundMs(after - before));
}

/**
 * What is wrong with a reported list of intervals, as a plain-English message, or null when it is
 * acceptable: more than 100 intervals, a bound that is not a finite number, a negative start, a start not
 * before its end, or an end more than 1 s past the video's duration. Checks the list as sent (before any
 * merging); an unknown (non-finite) duration skips the last check.
 */
export function intervalProblem(intervals: readonly Interval[], durationSeconds: number): string | null {
  if (intervals.length > MAX_INTERVALS) {
    return `Too many intervals: ${intervals.length} (at most ${MAX_INTERVALS}).`;
  }
  for (const [index, interval] of intervals.entries()) {
    const where = `Interval ${index + 1}`;
    // The type says [number, number]; the values come from a request body, so check anyway.
    if (!Array.isArray(interval) || interval.length !== 2) {
      return `${where} must be a pair [start, end].`;
    }
    const [start, end] = interval as unknown[];
    if (
      typeof start !== 'number' ||
      typeof end !== 'number' ||
      !Number.isFinite(start) ||
      !Number.isFinite(end)
    ) {
      return `${where} has a start or end that is not a finite number.`;
    }
    if (start < 0) return `${where} starts before 0 s.`;
    if (start >= end) return `${where} does not end after it starts.`;
    if (end > durationSeconds + INTERVAL_END_TOLERANCE_SECONDS) {
      return `${where} ends at ${roundMs(end)} s, past the end of the video (${roundMs(durationSeconds)} s).`;
    }
  }
  return null;
}

/** A finite, non-empty, non-inverted pair (anything else, including a non-array, is not). */
function isUsable(interval: unknown): interval is Interval {
  if (!Array.isArray(interval)) return false;
  const [start, end] = interval as unknown[];
  return (
    typeof start === 'number' &&
    typeof end === 'number' &&
    Number.isFinite(start) &&
    start < end &&
    Number.isFinite(end)
  );
}

function roundMs(value: number): number {
  return Math.round(value * 1000) / 1000;
}

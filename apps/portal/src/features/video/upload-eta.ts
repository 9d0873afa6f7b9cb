/**
 * "còn khoảng 2 phút": the time an upload still needs, from the speed of the last half minute. A
 * moving window rather than the average since the start, because on 3G the speed changes as the
 * learner walks about, and rather than the last second alone, which jumps with every chunk.
 */

/** Bytes sent so far, at a moment in milliseconds (any monotonic clock). */
export interface ProgressSample {
  atMs: number;
  bytes: number;
}

export const ETA_WINDOW_MS = 30_000;
/** Below this much measured time the speed is a guess; no estimate is shown yet. */
export const ETA_MIN_SPAN_MS = 3_000;

/**
 * Adds a sample and drops those the window no longer needs (keeping the last one older than the
 * window, so the window is always fully covered). Returns a new array; starts over when the bytes
 * sent go down.
 */
export function addSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
  windowMs = ETA_WINDOW_MS,
): ProgressSample[] {
  const previous = samples.at(-1);
  // Progress going backwards means the upload started over (an offset the server no longer had).
  if (previous && (sample.bytes < previous.bytes || sample.atMs < previous.atMs)) return [sample];
  const kept = [...samples, sample];
  const cutoff = sample.atMs - windowMs;
  let first = 0;
  while (first + 1 < kept.length && (kept[first + 1]?.atMs ?? Infinity) <= cutoff) first += 1;
  return kept.slice(first);
}

/** Bytes per second over the window, or null while there is too little to tell. */
export function averageSpeed(samples: readonly ProgressSample[], minSpanMs = ETA_MIN_SPAN_MS): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return null;
  const spanMs = last.atMs - first.atMs;
  if (spanMs < minSpanMs) return null;
  const speed = ((last.bytes - first.bytes) * 1000) / spanMs;
  return speed > 0 ? speed : null;
}

/** Seconds still needed for `totalBytes` at the window's average speed, or null when unknown. */
export function estimateRemainingSeconds(
  samples: readonly ProgressSample[],
  totalBytes: number,
  minSpanMs = ETA_MIN_SPAN_MS,
): number | null {
  const last = samples.at(-1);
  const speed = averageSpeed(samples, minSpanMs);
  if (!last || speed === null) return null;
  return Math.max(0, totalBytes - last.bytes) / speed;
}

/** A remaining time as people say it: rounded, never falsely precise. */
export type RemainingTime =
  | { unit: 'seconds'; count: number }
  | { unit: 'minutes'; count: number }
  | { unit: 'hoursMinutes'; hours: number; minutes: number };

/**
 * Under a minute: to the next 10 seconds ("khoảng 40 giây"); under an hour: whole minutes, rounded
 * up so the last minute does not read "0 phút"; beyond: hours and (5-minute) minutes.
 */
export function roundRemaining(seconds: number): RemainingTime {
  const safe = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  if (safe < 55) return { unit: 'seconds', count: Math.max(10, Math.ceil(safe / 10) * 10) };
  const minutes = Math.ceil(safe / 60);
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const roundedMinutes = Math.round(minutes / 5) * 5;
  return { unit: 'hoursMinutes', hours: Math.floor(roundedMinutes / 60), minutes: roundedMinutes % 60 };
}

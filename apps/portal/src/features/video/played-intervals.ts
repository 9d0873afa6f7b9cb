/**
 * What a learner actually watched, as intervals of video time. The API adds them up to decide whether a
 * video lesson is done, so skipping ahead by seeking must not count: only time that advanced at about
 * the speed of the wall clock (times the playback rate) is kept.
 */

import { mergeIntervals as mergeWatched } from '@hocvu/media';

/** Seconds from the start of the video: [from, to], from < to. */
export type PlayedInterval = [number, number];

/**
 * How far video time may run ahead of the wall clock between two `timeupdate` events and still count
 * as playing rather than a seek: 1.5 × rate × elapsed, plus half a second because browsers fire
 * `timeupdate` only every 250 ms or so and a tab in the background much less often.
 */
const RATE_TOLERANCE = 1.5;
const SLACK_SECONDS = 0.5;

/** Starting this close to the end would show only the last frames: start from the beginning instead. */
const RESUME_MARGIN_SECONDS = 5;

/** Where a returning learner starts: where they stopped, unless that was (nearly) the end. */
export function resumePosition(resumeAt: number, durationSeconds: number): number {
  return resumeAt > 0 && resumeAt < durationSeconds - RESUME_MARGIN_SECONDS ? resumeAt : 0;
}

export class PlayedIntervalTracker {
  private lastTime: number | null = null;
  private lastWallClockMs = 0;
  private pending: PlayedInterval[] = [];
  private currentPosition: number;

  constructor(startPosition = 0) {
    this.currentPosition = startPosition;
  }

  /** Where the video is now (or was last seen), in seconds: what a later visit resumes from. */
  get position(): number {
    return this.currentPosition;
  }

  /** Whether something was played since the last report. */
  get hasUnreported(): boolean {
    return this.pending.length > 0;
  }

  /**
   * One observation of the player. `playing` is false while paused, seeking or switching source: the
   * time is then only remembered as the start of whatever is played next.
   */
  onTime(currentTime: number, wallClockMs: number, playing: boolean, rate: number): void {
    if (!Number.isFinite(currentTime) || currentTime < 0) return;
    const previousTime = this.lastTime;
    const elapsedSeconds = Math.max(0, (wallClockMs - this.lastWallClockMs) / 1000);
    this.lastTime = currentTime;
    this.lastWallClockMs = wallClockMs;
    this.currentPosition = currentTime;
    if (!playing || previousTime === null) return;

    const advanced = currentTime - previousTime;
    const speed = Number.isFinite(rate) && rate > 0 ? rate : 1;
    if (advanced <= 0 || advanced > RATE_TOLERANCE * speed * elapsedSeconds + SLACK_SECONDS) return;

    const last = this.pending.at(-1);
    if (last && last[1] === previousTime) last[1] = currentTime;
    else this.pending.push([previousTime, currentTime]);
  }

  /**
   * The intervals played since the last report, merged and in order, and forgets them. Playing on
   * continues from where the report ended, so consecutive reports join up end to start.
   */
  takeReport(): PlayedInterval[] {
    const report = mergeIntervals(this.pending);
    this.pending = [];
    return report;
  }
}

/** Sorts intervals and joins those that overlap or touch; times are rounded to milliseconds. */
/**
 * Sorted, non-overlapping intervals covering the same time, bounds at millisecond precision — the
 * server's own merge (@hocvu/media) without its gap tolerance: the client reports exactly what played.
 */
export function mergeIntervals(intervals: readonly PlayedInterval[]): PlayedInterval[] {
  return mergeWatched(
    intervals.map(([from, to]): PlayedInterval => [roundMs(from), roundMs(to)]),
    0,
  );
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

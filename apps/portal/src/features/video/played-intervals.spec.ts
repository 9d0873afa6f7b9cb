import { describe, expect, it } from '@jest/globals';

import { mergeIntervals, PlayedIntervalTracker, resumePosition } from './played-intervals';

/** Plays from `from` to `to` at `rate`, observed every 250 ms of wall clock, starting at `startMs`. */
function play(tracker: PlayedIntervalTracker, from: number, to: number, startMs: number, rate = 1): number {
  let wall = startMs;
  tracker.onTime(from, wall, false, rate); // "play": the starting point
  for (let time = from; time < to;) {
    wall += 250;
    time = Math.min(to, time + 0.25 * rate);
    tracker.onTime(time, wall, true, rate);
  }
  return wall;
}

describe('PlayedIntervalTracker', () => {
  it('counts continuous playback as one interval', () => {
    const tracker = new PlayedIntervalTracker();
    play(tracker, 0, 10, 0);
    expect(tracker.takeReport()).toEqual([[0, 10]]);
    expect(tracker.position).toBe(10);
  });

  it('starts at the resume position before anything is observed', () => {
    expect(new PlayedIntervalTracker(42).position).toBe(42);
  });

  it('does not count a seek forward as watched', () => {
    const tracker = new PlayedIntervalTracker();
    let wall = play(tracker, 0, 5, 0);
    // The learner drags the bar to 60 s while playing: one timeupdate jumps 55 s in 250 ms.
    wall += 250;
    tracker.onTime(60, wall, true, 1);
    wall = play(tracker, 60, 64, wall);
    expect(tracker.takeReport()).toEqual([
      [0, 5],
      [60, 64],
    ]);
  });

  it('starts a new interval after a seek back, and merges what overlaps', () => {
    const tracker = new PlayedIntervalTracker();
    let wall = play(tracker, 0, 10, 0);
    wall += 250;
    tracker.onTime(4, wall, true, 1); // seek back to 4 s
    play(tracker, 4, 12, wall);
    expect(tracker.takeReport()).toEqual([[0, 12]]);
  });

  it('accepts faster playback at a higher rate, but not a jump beyond it', () => {
    const tracker = new PlayedIntervalTracker();
    const wall = play(tracker, 0, 20, 0, 2);
    expect(tracker.takeReport()).toEqual([[0, 20]]);
    // 1 s of wall clock at 2×: up to 1.5 × 2 × 1 + 0.5 = 3.5 s counts, 4 s does not.
    tracker.onTime(23.5, wall + 1000, true, 2);
    tracker.onTime(27.5, wall + 2000, true, 2);
    expect(tracker.takeReport()).toEqual([[20, 23.5]]);
  });

  it('tolerates sparse updates from a tab in the background', () => {
    const tracker = new PlayedIntervalTracker();
    tracker.onTime(0, 0, false, 1);
    tracker.onTime(1, 1000, true, 1);
    tracker.onTime(11, 11_000, true, 1); // throttled to one update every 10 s
    expect(tracker.takeReport()).toEqual([[0, 11]]);
  });

  it('ignores time that moves while paused (a seek while paused)', () => {
    const tracker = new PlayedIntervalTracker();
    const wall = play(tracker, 0, 3, 0);
    tracker.onTime(3.2, wall + 100, false, 1);
    tracker.onTime(30, wall + 200, false, 1);
    expect(tracker.takeReport()).toEqual([[0, 3]]);
    expect(tracker.position).toBe(30);
  });

  it('does not count time standing still (buffering) and carries on afterwards', () => {
    const tracker = new PlayedIntervalTracker();
    let wall = play(tracker, 0, 2, 0);
    for (let i = 0; i < 20; i += 1) tracker.onTime(2, (wall += 250), true, 1); // stalled for 5 s
    play(tracker, 2, 4, wall);
    expect(tracker.takeReport()).toEqual([[0, 4]]);
  });

  it('reports each interval once, and later reports continue where the last one ended', () => {
    const tracker = new PlayedIntervalTracker();
    let wall = play(tracker, 0, 10, 0);
    expect(tracker.takeReport()).toEqual([[0, 10]]);
    expect(tracker.hasUnreported).toBe(false);
    expect(tracker.takeReport()).toEqual([]);
    for (let time = 10.25; time <= 15; time += 0.25) tracker.onTime(time, (wall += 250), true, 1);
    expect(tracker.takeReport()).toEqual([[10, 15]]);
  });

  it('ignores times that are not numbers', () => {
    const tracker = new PlayedIntervalTracker();
    tracker.onTime(Number.NaN, 0, true, 1);
    tracker.onTime(-1, 0, true, 1);
    expect(tracker.position).toBe(0);
    expect(tracker.takeReport()).toEqual([]);
  });
});

describe('mergeIntervals', () => {
  it('sorts, joins touching and overlapping intervals, drops empty ones', () => {
    expect(
      mergeIntervals([
        [30, 40],
        [0, 10],
        [10, 12],
        [5, 8],
        [50, 50],
        [35, 45],
      ]),
    ).toEqual([
      [0, 12],
      [30, 45],
    ]);
  });

  it('rounds to milliseconds', () => {
    expect(mergeIntervals([[0.12345, 1.98765]])).toEqual([[0.123, 1.988]]);
  });
});

describe('resumePosition', () => {
  it('resumes where the learner stopped', () => {
    expect(resumePosition(42, 300)).toBe(42);
  });

  it('starts over when that was the end, or nowhere', () => {
    expect(resumePosition(296, 300)).toBe(0);
    expect(resumePosition(300, 300)).toBe(0);
    expect(resumePosition(0, 300)).toBe(0);
    expect(resumePosition(-3, 300)).toBe(0);
  });
});

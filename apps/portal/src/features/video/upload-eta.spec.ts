import { describe, expect, it } from '@jest/globals';

import {
  addSample,
  averageSpeed,
  estimateRemainingSeconds,
  type ProgressSample,
  roundRemaining,
} from './upload-eta';

const MB = 1024 * 1024;

/** Samples every second at `bytesPerSecond`, from `fromMs` with `fromBytes` already sent. */
function steady(seconds: number, bytesPerSecond: number, fromMs = 0, fromBytes = 0): ProgressSample[] {
  let samples: ProgressSample[] = [];
  for (let s = 0; s <= seconds; s += 1) {
    samples = addSample(samples, { atMs: fromMs + s * 1000, bytes: fromBytes + s * bytesPerSecond });
  }
  return samples;
}

describe('upload speed and remaining time', () => {
  it('gives no estimate before a few seconds have been measured', () => {
    expect(estimateRemainingSeconds([], 100 * MB)).toBeNull();
    expect(estimateRemainingSeconds(steady(2, MB), 100 * MB)).toBeNull();
  });

  it('estimates from the average speed', () => {
    // 10 s at 1 MB/s, 10 MB sent: 90 MB to go take 90 s.
    expect(estimateRemainingSeconds(steady(10, MB), 100 * MB)).toBeCloseTo(90);
  });

  it('follows the recent speed, not the average since the start', () => {
    // A minute at 1 MB/s on Wi-Fi, then 40 s at 100 kB/s on 3G.
    const fast = steady(60, MB);
    let samples = fast;
    for (let s = 1; s <= 40; s += 1) {
      samples = addSample(samples, { atMs: 60_000 + s * 1000, bytes: 60 * MB + s * 100_000 });
    }
    expect(averageSpeed(samples)).toBeCloseTo(100_000);
    const sent = 60 * MB + 40 * 100_000;
    expect(estimateRemainingSeconds(samples, sent + 6_000_000)).toBeCloseTo(60);
  });

  it('keeps the window bounded', () => {
    const samples = steady(600, 10_000);
    expect(samples.length).toBeLessThanOrEqual(32);
    expect(samples[0]?.atMs).toBe(570_000);
  });

  it('starts afresh when progress goes backwards (an upload restarted)', () => {
    const samples = addSample(steady(10, MB), { atMs: 11_000, bytes: 0 });
    expect(samples).toEqual([{ atMs: 11_000, bytes: 0 }]);
  });

  it('gives no estimate while nothing moves (connection lost)', () => {
    let samples: ProgressSample[] = [];
    for (let s = 0; s <= 10; s += 1) samples = addSample(samples, { atMs: s * 1000, bytes: 5 * MB });
    expect(estimateRemainingSeconds(samples, 100 * MB)).toBeNull();
  });

  it('never goes below zero', () => {
    expect(estimateRemainingSeconds(steady(10, MB), 5 * MB)).toBe(0);
  });
});

describe('roundRemaining', () => {
  it('rounds short times to tens of seconds', () => {
    expect(roundRemaining(3)).toEqual({ unit: 'seconds', count: 10 });
    expect(roundRemaining(34)).toEqual({ unit: 'seconds', count: 40 });
    expect(roundRemaining(0)).toEqual({ unit: 'seconds', count: 10 });
  });

  it('rounds minutes up', () => {
    expect(roundRemaining(55)).toEqual({ unit: 'minutes', count: 1 });
    expect(roundRemaining(61)).toEqual({ unit: 'minutes', count: 2 });
    expect(roundRemaining(119)).toEqual({ unit: 'minutes', count: 2 });
    expect(roundRemaining(59 * 60)).toEqual({ unit: 'minutes', count: 59 });
  });

  it('gives hours with minutes to the nearest five', () => {
    expect(roundRemaining(60 * 60)).toEqual({ unit: 'hoursMinutes', hours: 1, minutes: 0 });
    expect(roundRemaining(83 * 60)).toEqual({ unit: 'hoursMinutes', hours: 1, minutes: 25 });
  });

  it('treats nonsense as almost done', () => {
    expect(roundRemaining(Number.NaN)).toEqual({ unit: 'seconds', count: 10 });
  });
});

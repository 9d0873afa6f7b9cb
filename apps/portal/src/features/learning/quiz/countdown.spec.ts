import { describe, expect, it } from '@jest/globals';

import {
  crossedAnnouncement,
  formatClock,
  formatClockTime,
  msUntilRetry,
  QuestionClock,
  secondsLeft,
} from './countdown';

describe('formatClock', () => {
  it('shows minutes and seconds, and hours when there are any', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(59)).toBe('00:59');
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(3_723)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('00:00');
  });
});

describe('secondsLeft', () => {
  it('rounds up, so 0 means the time is really up', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
});

describe('crossedAnnouncement', () => {
  it('announces 5 minutes and 1 minute politely, 30 seconds assertively', () => {
    expect(crossedAnnouncement(301, 300)).toEqual({ atSeconds: 300, politeness: 'polite' });
    expect(crossedAnnouncement(61, 60)).toEqual({ atSeconds: 60, politeness: 'polite' });
    expect(crossedAnnouncement(31, 30)).toEqual({ atSeconds: 30, politeness: 'assertive' });
  });

  it('says nothing between thresholds, when counting starts or when re-synced upwards', () => {
    expect(crossedAnnouncement(200, 199)).toBeNull();
    expect(crossedAnnouncement(null, 30)).toBeNull();
    expect(crossedAnnouncement(29, 35)).toBeNull();
    expect(crossedAnnouncement(300, 299)).toBeNull();
  });

  it('announces only the last threshold crossed after the phone slept', () => {
    expect(crossedAnnouncement(400, 45)).toEqual({ atSeconds: 60, politeness: 'polite' });
    expect(crossedAnnouncement(400, 10)).toEqual({ atSeconds: 30, politeness: 'assertive' });
  });
});

describe('formatClockTime', () => {
  const now = new Date('2025-11-20T03:00:00Z'); // 10:00 in Hà Nội

  it('gives the time alone today, in the given time zone', () => {
    expect(formatClockTime('2025-11-20T07:30:00Z', 'vi', now, 'Asia/Ho_Chi_Minh')).toBe('14:30');
    expect(formatClockTime('2025-11-20T07:30:00Z', 'en', now, 'Asia/Ho_Chi_Minh')).toBe('14:30');
  });

  it('adds the date on another day', () => {
    expect(formatClockTime('2025-11-21T02:05:00Z', 'vi', now, 'Asia/Ho_Chi_Minh')).toBe('09:05 21/11/2025');
  });
});

describe('msUntilRetry', () => {
  it('waits until a second after the time, at least a second, at most an hour', () => {
    const now = Date.parse('2025-11-20T07:00:00Z');
    expect(msUntilRetry('2025-11-20T07:00:30Z', now)).toBe(31_000);
    expect(msUntilRetry('2025-11-20T06:00:00Z', now)).toBe(1_000);
    expect(msUntilRetry('2025-11-22T07:00:00Z', now)).toBe(3_600_000);
  });
});

describe('QuestionClock', () => {
  it('counts the time each question is on screen until its answer is saved', () => {
    const clock = new QuestionClock();
    clock.show('q1', 0);
    clock.show('q2', 4_000);
    clock.show('q1', 6_000);
    expect(clock.take('q1', 7_000)).toBe(5_000);
    // Counting starts again for q1; q2's two seconds wait for its own save.
    expect(clock.take('q1', 9_000)).toBe(2_000);
    expect(clock.take('q2', 9_000)).toBe(2_000);
  });

  it('does not count while nothing is shown (review screen, page hidden)', () => {
    const clock = new QuestionClock();
    clock.show('q1', 0);
    clock.show(null, 1_000);
    clock.show('q1', 60_000);
    expect(clock.take('q1', 61_000)).toBe(2_000);
  });
});

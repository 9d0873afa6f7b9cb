import {
  attemptAvailability,
  attemptDeadline,
  attemptsLeft,
  isPastDeadline,
  nextAttemptAt,
  remainingSeconds,
  scoreAttempt,
} from './scoring';

const at = (iso: string) => new Date(iso);

describe('scoreAttempt', () => {
  it('averages the question scores into a percentage and compares it with the passing score', () => {
    expect(scoreAttempt([1, 1, 1, 0], 75)).toEqual({ points: 3, maxPoints: 4, percent: 75, passed: true });
    expect(scoreAttempt([1, 1, 0, 0], 75)).toEqual({ points: 2, maxPoints: 4, percent: 50, passed: false });
    expect(scoreAttempt([1, 1, 1, 1], 100)).toMatchObject({ percent: 100, passed: true });
    expect(scoreAttempt([0, 0], 0)).toMatchObject({ percent: 0, passed: true });
  });

  it('rounds down to one decimal, so nobody passes by rounding', () => {
    // 7 of 9 = 77.77…%
    expect(scoreAttempt([1, 1, 1, 1, 1, 1, 1, 0, 0], 77.8)).toMatchObject({ percent: 77.7, passed: false });
    expect(scoreAttempt([1, 1, 1, 1, 1, 1, 1, 0, 0], 77.7)).toMatchObject({ percent: 77.7, passed: true });
    // 2 of 3 = 66.66…%
    expect(scoreAttempt([1, 1, 0], 66.7).percent).toBe(66.6);
  });

  it('is not fooled by floating-point error', () => {
    // 1/3 + 1/3 + 1/3 and 0.1 × 7 sum to values a hair below the exact ones.
    expect(scoreAttempt([1 / 3, 1 / 3, 1 / 3], 100)).toMatchObject({ percent: 33.3 });
    expect(scoreAttempt([1, 1, 1, 2 / 3, 1 / 3], 0).percent).toBe(80);
    const sixteen = [...new Array<number>(14).fill(1), 5 / 6, 1 / 6];
    expect(scoreAttempt(sixteen, 93.75)).toMatchObject({ percent: 93.7, passed: false });
    expect(scoreAttempt(new Array<number>(10).fill(0.7), 70)).toMatchObject({ percent: 70, passed: true });
  });

  it('counts partial credit', () => {
    expect(scoreAttempt([1, 0.5, 2 / 3, 0], 50)).toMatchObject({ percent: 54.1, passed: true });
  });

  it('refuses an attempt without questions and out-of-range numbers', () => {
    expect(() => scoreAttempt([], 50)).toThrow(RangeError);
    expect(() => scoreAttempt([1.5], 50)).toThrow('A question score must be 0–1, not 1.5');
    expect(() => scoreAttempt([NaN], 50)).toThrow(RangeError);
    expect(() => scoreAttempt([1], 101)).toThrow('The passing score must be 0–100, not 101');
  });
});

describe('attemptDeadline and remainingSeconds', () => {
  const started = at('2025-09-02T08:00:00.000Z');

  it('puts the deadline time-limit seconds after the start', () => {
    expect(attemptDeadline(started, 1200)).toEqual(at('2025-09-02T08:20:00.000Z'));
    expect(attemptDeadline(started, null)).toBeNull();
  });

  it('ends earlier when the quiz closes first', () => {
    const closes = at('2025-09-02T08:10:00.000Z');
    expect(attemptDeadline(started, 1200, closes)).toEqual(closes);
    expect(attemptDeadline(started, 300, closes)).toEqual(at('2025-09-02T08:05:00.000Z'));
    expect(attemptDeadline(started, null, closes)).toEqual(closes);
  });

  it('counts whole seconds left, rounded down, never negative', () => {
    expect(remainingSeconds(started, 1200, started)).toBe(1200);
    expect(remainingSeconds(started, 1200, at('2025-09-02T08:19:59.100Z'))).toBe(0);
    expect(remainingSeconds(started, 1200, at('2025-09-02T08:10:00.500Z'))).toBe(599);
    expect(remainingSeconds(started, 1200, at('2025-09-02T09:00:00.000Z'))).toBe(0);
    expect(remainingSeconds(started, null, at('2025-09-02T09:00:00.000Z'))).toBeNull();
    expect(remainingSeconds(started, 1200, started, at('2025-09-02T08:01:00.000Z'))).toBe(60);
  });

  it('refuses a time limit that is not a positive number', () => {
    expect(() => attemptDeadline(started, 0)).toThrow(RangeError);
    expect(() => attemptDeadline(started, -5)).toThrow(RangeError);
    expect(() => attemptDeadline(started, Infinity)).toThrow(RangeError);
  });
});

describe('isPastDeadline', () => {
  const deadline = at('2025-09-02T08:20:00.000Z');

  it('accepts up to the deadline itself, plus the grace when given', () => {
    expect(isPastDeadline(deadline, at('2025-09-02T08:20:00.000Z'))).toBe(false);
    expect(isPastDeadline(deadline, at('2025-09-02T08:20:00.001Z'))).toBe(true);
    expect(isPastDeadline(deadline, at('2025-09-02T08:20:02.000Z'), 3)).toBe(false);
    expect(isPastDeadline(deadline, at('2025-09-02T08:20:03.001Z'), 3)).toBe(true);
    expect(isPastDeadline(null, at('2099-01-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('nextAttemptAt and attemptsLeft', () => {
  it('waits the cooldown after the last finished attempt', () => {
    expect(nextAttemptAt(at('2025-09-02T08:20:00Z'), 30)).toEqual(at('2025-09-02T08:50:00Z'));
    expect(nextAttemptAt(at('2025-09-02T08:20:00Z'), 0)).toBeNull();
    expect(nextAttemptAt(at('2025-09-02T08:20:00Z'), null)).toBeNull();
    expect(nextAttemptAt(null, 30)).toBeNull();
  });

  it('counts attempts left, null meaning unlimited', () => {
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 3)).toBe(0);
    expect(attemptsLeft(3, 5)).toBe(0);
    expect(attemptsLeft(null, 50)).toBeNull();
  });
});

describe('attemptAvailability', () => {
  const now = at('2025-09-02T09:00:00Z');

  it('lets a learner start when attempts remain and no cooldown runs', () => {
    expect(
      attemptAvailability({
        attemptsAllowed: 3,
        attemptsUsed: 1,
        lastFinishedAt: null,
        cooldownMinutes: 60,
        now,
      }),
    ).toEqual({ canStart: true, attemptsLeft: 2 });
    expect(
      attemptAvailability({
        attemptsAllowed: null,
        attemptsUsed: 9,
        lastFinishedAt: at('2025-09-02T08:00:00Z'),
        cooldownMinutes: 60,
        now,
      }),
    ).toEqual({ canStart: true, attemptsLeft: null });
  });

  it('says when the next attempt is possible during a cooldown', () => {
    expect(
      attemptAvailability({
        attemptsAllowed: 3,
        attemptsUsed: 1,
        lastFinishedAt: at('2025-09-02T08:30:00Z'),
        cooldownMinutes: 60,
        now,
      }),
    ).toEqual({
      canStart: false,
      reason: 'cooling_down',
      retryAt: at('2025-09-02T09:30:00Z'),
      attemptsLeft: 2,
    });
  });

  it('reports no attempts left before any cooldown', () => {
    expect(
      attemptAvailability({
        attemptsAllowed: 2,
        attemptsUsed: 2,
        lastFinishedAt: at('2025-09-02T08:59:00Z'),
        cooldownMinutes: 60,
        now,
      }),
    ).toEqual({ canStart: false, reason: 'no_attempts_left', attemptsLeft: 0 });
  });
});

import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt, between half and all of the exponential delay', () => {
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(3, options, () => 0)).toBe(2000);
    expect(retryDelayMs(3, options, () => 1)).toBe(4000);
  });

  it('is capped', () => {
    expect(retryDelayMs(40, options, () => 1)).toBe(60_000);
  });

  it('never comes earlier than Retry-After', () => {
    expect(retryDelayMs(1, { ...options, retryAfterMs: 7000 }, () => 0)).toBe(7000);
    expect(retryDelayMs(8, { ...options, retryAfterMs: 100 }, () => 1)).toBe(60_000);
  });

  it('spreads rows that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(4, options)));
    expect(delays.size).toBeGreaterThan(40);
  });
});

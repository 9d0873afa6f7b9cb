import { describe, expect, it } from '@jest/globals';

import { formatClock } from './video-time';

describe('formatClock', () => {
  it('writes minutes and seconds, and hours when there are', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(75.4)).toBe('1:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});

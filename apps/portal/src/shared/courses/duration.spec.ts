import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';

import { formatDuration } from './duration';

// Echoes the key and its values, so the choice of message and its numbers can be checked.
const t = ((key: string, values: Record<string, unknown>) =>
  `${key} ${JSON.stringify(values)}`) as unknown as TFunction;

describe('course durations', () => {
  it('uses minutes under an hour, hours and minutes above', () => {
    expect(formatDuration(t, 45)).toBe('duration.minutes {"count":45}');
    expect(formatDuration(t, 80)).toBe('duration.hoursMinutes {"hours":1,"minutes":20}');
    expect(formatDuration(t, 120)).toBe('duration.hours {"count":2}');
  });

  it('treats a missing or odd value as zero minutes', () => {
    expect(formatDuration(t, null)).toBe('duration.minutes {"count":0}');
    expect(formatDuration(t, -5)).toBe('duration.minutes {"count":0}');
  });
});

import { describe, expect, it } from '@jest/globals';

import { formatCalendarDate, formatDateTime, formatNumber, formatPhone } from './format';

describe('display formats', () => {
  it('writes phones the way people read them, and leaves masked ones alone', () => {
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone('+84912***678')).toBe('+84912***678');
    expect(formatPhone(null)).toBe('');
  });

  it('shows birth dates as calendar dates, never shifted by a time zone', () => {
    expect(formatCalendarDate('1961-09-02', 'vi')).toBe('02/09/1961');
    expect(formatCalendarDate('1961-09-02', 'en')).toBe('02/09/1961');
    expect(formatCalendarDate('not a date', 'vi')).toBe('not a date');
  });

  it('shows instants in Vietnam time whatever the device says', () => {
    expect(formatDateTime('2026-11-23T14:28:00Z', 'vi')).toContain('21:28');
  });

  it('groups thousands the Vietnamese way', () => {
    expect(formatNumber(24294, 'vi')).toBe('24.294');
    expect(formatNumber(24294, 'en')).toBe('24,294');
  });
});

import { describe, expect, it } from '@jest/globals';

import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPhone,
  todayInVietnam,
} from './format';

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

  it('shows the day of an instant as it was in Vietnam', () => {
    expect(formatDate('2026-11-23T18:30:00Z', 'vi')).toBe('24/11/2026');
    expect(formatDate('2026-11-23T10:00:00Z', 'vi')).toBe('23/11/2026');
    expect(formatDate('garbage', 'vi')).toBe('garbage');
    expect(formatDate(null, 'vi')).toBe('');
  });

  it("gives today's date in Vietnam for a date input", () => {
    expect(todayInVietnam(new Date('2026-11-23T18:30:00Z'))).toBe('2026-11-24');
    expect(todayInVietnam(new Date('2026-11-23T01:00:00Z'))).toBe('2026-11-23');
  });

  it('groups thousands the Vietnamese way', () => {
    expect(formatNumber(24294, 'vi')).toBe('24.294');
    expect(formatNumber(24294, 'en')).toBe('24,294');
  });
});

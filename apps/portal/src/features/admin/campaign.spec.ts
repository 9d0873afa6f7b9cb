import { describe, expect, it } from '@jest/globals';

import {
  barFill,
  campaignYears,
  chartSeries,
  formatPercent,
  groupRows,
  parseNumberInput,
  progressText,
  readYear,
  weeklyRows,
  yearInVietnam,
} from './campaign';

const ZERO = { registered: 0, enrolled: 0, completed: 0, certified: 0, confirmed: 0 };

describe('campaign progress', () => {
  it('writes progress the Vietnamese way', () => {
    expect(progressText(12_345, 330_000, 3.741, 'vi')).toBe('12.345 / 330.000 (3,7 %)');
    expect(progressText(12_345, 330_000, 3.741, 'en')).toBe('12,345 / 330,000 (3.7%)');
  });

  it('works the share out when the API gives none, and never divides by zero', () => {
    expect(progressText(50, 200, null, 'vi')).toBe('50 / 200 (25 %)');
    expect(progressText(0, 0, null, 'vi')).toBe('0 / 0 (0 %)');
    expect(progressText(3, 0, null, 'en')).toBe('3 / 0 (100%)');
  });

  it('keeps percentages to one decimal', () => {
    expect(formatPercent(100, 'vi')).toBe('100 %');
    expect(formatPercent(0.04, 'vi')).toBe('0 %');
    expect(formatPercent(12.35, 'en')).toBe('12.4%');
  });

  it('fills a bar up to the target, not beyond', () => {
    expect(barFill(null)).toBe(0);
    expect(barFill(37.5)).toBe(37.5);
    expect(barFill(180)).toBe(100);
    expect(barFill(-3)).toBe(0);
  });
});

describe('campaign years', () => {
  it('offers the years from the start of the campaign to next year', () => {
    expect(campaignYears(2026)).toEqual([2025, 2026, 2027]);
    expect(campaignYears(2024)).toEqual([2025]);
  });

  it('reads the year from the address bar, or falls back to this year', () => {
    expect(readYear('2025', 2026)).toBe(2025);
    expect(readYear('1999', 2026)).toBe(2026);
    expect(readYear('abc', 2026)).toBe(2026);
    expect(readYear(null, 2026)).toBe(2026);
  });

  it('counts the year in Vietnam time', () => {
    expect(yearInVietnam(new Date('2025-12-31T18:00:00Z'))).toBe(2026);
    expect(yearInVietnam(new Date('2025-12-31T16:00:00Z'))).toBe(2025);
  });
});

describe('weekly series', () => {
  it('fills the quiet weeks between the first and the last with zeros', () => {
    const rows = weeklyRows([
      { ...ZERO, week: '2026-01-19', registered: 4, confirmed: 1 },
      { ...ZERO, week: '2026-01-05', registered: 10 },
    ]);
    expect(rows.map((row) => row.week)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(rows[1]).toEqual({ ...ZERO, week: '2026-01-12' });
    expect(rows[2]).toEqual({ ...ZERO, week: '2026-01-19', registered: 4, confirmed: 1 });
  });

  it('steps week by week across the turn of the year', () => {
    const rows = weeklyRows([
      { ...ZERO, week: '2025-12-29', registered: 1 },
      { ...ZERO, week: '2026-01-12', registered: 1 },
    ]);
    expect(rows.map((row) => row.week)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
  });

  it('has no rows without data', () => {
    expect(weeklyRows([])).toEqual([]);
  });

  it('gives one series per stage, in the order of the funnel, labelled by Monday', () => {
    const { labels, series } = chartSeries([
      { ...ZERO, week: '2026-03-02', registered: 5, enrolled: 4, completed: 3, certified: 2, confirmed: 1 },
    ]);
    expect(labels).toEqual(['02/03']);
    expect(series.map((line) => line.stage)).toEqual([
      'registered',
      'enrolled',
      'completed',
      'certified',
      'confirmed',
    ]);
    expect(series.map((line) => line.values[0])).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('target groups', () => {
  it('lists the four groups, then "not stated", with zeros where nobody is yet', () => {
    const rows = groupRows([
      { ...ZERO, targetGroup: null, registered: 2 },
      { ...ZERO, targetGroup: 'student', registered: 7 },
    ]);
    expect(rows.map((row) => row.group)).toEqual([
      'public_servant',
      'student',
      'enterprise_worker',
      'citizen',
      'none',
    ]);
    expect(rows.map((row) => row.registered)).toEqual([0, 7, 0, 0, 2]);
  });
});

describe('numbers typed in', () => {
  it('reads Vietnamese thousands and decimal commas', () => {
    expect(parseNumberInput('330.000', 'vi')).toBe(330_000);
    expect(parseNumberInput('330 000', 'vi')).toBe(330_000);
    expect(parseNumberInput('1.234.567', 'vi')).toBe(1_234_567);
    expect(parseNumberInput('3,5', 'vi')).toBe(3.5);
    expect(parseNumberInput('12.345,75', 'vi')).toBe(12_345.75);
    // A phone keypad with only a dot: not in groups of three, so a decimal.
    expect(parseNumberInput('3.5', 'vi')).toBe(3.5);
  });

  it('reads English separators', () => {
    expect(parseNumberInput('330,000', 'en')).toBe(330_000);
    expect(parseNumberInput('3.5', 'en')).toBe(3.5);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', '  ', 'abc', '-5', '1,2,3', '3,5,1', '12.34.5', '1e5'])
      expect(parseNumberInput(text, 'vi')).toBeNull();
  });
});

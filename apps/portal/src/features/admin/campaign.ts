import { CAMPAIGN_STAGES, type CampaignStage, TARGET_GROUPS, type TargetGroup } from '@hocvu/contracts';

/** The campaign's figures: numbers and percentages written the Vietnamese way (12.345; 3,7 %). */

/** The first year of the campaign ("Bình dân học vụ số" started in 2025); the API accepts 2020–2100. */
export const FIRST_CAMPAIGN_YEAR = 2025;

type StageCounts = Record<CampaignStage, number>;

function locale(language: string): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

/** A share in %, to one decimal place at most: 3,7 % (vi) or 3.7% (en). */
export function formatPercent(value: number, language: string): string {
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value);
  // Vietnamese writes a space before the sign (as French does); English does not.
  return language === 'vi' ? `${number} %` : `${number}%`;
}

function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** "12.345 / 330.000 (3,7 %)": learners reached, the target, and the share of it reached. */
export function progressText(
  reached: number,
  targetCount: number,
  progressPercent: number | null,
  language: string,
): string {
  const percent =
    progressPercent ?? (targetCount > 0 ? (reached / targetCount) * 100 : reached > 0 ? 100 : 0);
  return `${formatCount(reached, language)} / ${formatCount(targetCount, language)} (${formatPercent(percent, language)})`;
}

/** How much of a progress bar is filled, in % of its width (a target passed fills it, no more). */
export function barFill(progressPercent: number | null): number {
  if (progressPercent === null || !Number.isFinite(progressPercent)) return 0;
  return Math.min(100, Math.max(0, progressPercent));
}

/** The years a dashboard or a target may be about: from the campaign's start to next year. */
export function campaignYears(currentYear: number): number[] {
  const last = Math.max(currentYear + 1, FIRST_CAMPAIGN_YEAR);
  const years: number[] = [];
  for (let year = FIRST_CAMPAIGN_YEAR; year <= last; year += 1) years.push(year);
  return years;
}

/** The current year in Vietnam (31 December 20:00 UTC is already the new year there). */
export function yearInVietnam(now: Date = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now),
  );
}

/** A year from the address bar, when it is one the pages offer. */
export function readYear(value: string | null, currentYear: number): number {
  const year = Number(value);
  return value && campaignYears(currentYear).includes(year) ? year : currentYear;
}

export interface WeekRow extends StageCounts {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The API lists only the weeks in which something happened. A chart and its table need every week
 * from the first to the last, quiet ones as zeros, or a gap of a month would look like one week.
 */
export function weeklyRows(points: readonly WeekRow[]): WeekRow[] {
  const sorted = [...points].sort((a, b) => a.week.localeCompare(b.week));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const byWeek = new Map(sorted.map((point) => [point.week, point]));
  const rows: WeekRow[] = [];
  // A year has at most 54 Mondays: a bound against a malformed date looping for ever.
  for (let week = first.week; week <= last.week && rows.length < 60; week = addDays(week, 7)) {
    const point = byWeek.get(week);
    rows.push(
      point
        ? {
            week,
            registered: point.registered,
            enrolled: point.enrolled,
            completed: point.completed,
            certified: point.certified,
            confirmed: point.confirmed,
          }
        : { week, registered: 0, enrolled: 0, completed: 0, certified: 0, confirmed: 0 },
    );
  }
  return rows;
}

/** The week's Monday as 05/01 (vi and en alike: the year is the page's). */
export function weekLabel(week: string): string {
  const [, month, day] = week.split('-');
  return `${day}/${month}`;
}

/** One series per stage, in the funnel's order, for the chart. */
export function chartSeries(rows: readonly WeekRow[]): {
  labels: string[];
  series: { stage: CampaignStage; values: number[] }[];
} {
  return {
    labels: rows.map((row) => weekLabel(row.week)),
    series: CAMPAIGN_STAGES.map((stage) => ({ stage, values: rows.map((row) => row[stage]) })),
  };
}

export function hasLearners(counts: StageCounts): boolean {
  return CAMPAIGN_STAGES.some((stage) => counts[stage] > 0);
}

export type GroupKey = TargetGroup | 'none';

/**
 * The breakdown in a fixed order — the four groups as the campaign lists them, then "not stated" —
 * with groups nobody is in yet shown as zeros rather than left out.
 */
export function groupRows<Row extends StageCounts & { targetGroup: TargetGroup | null }>(
  rows: readonly Row[],
): (StageCounts & { group: GroupKey })[] {
  const empty = { registered: 0, enrolled: 0, completed: 0, certified: 0, confirmed: 0 };
  const keys: GroupKey[] = [...TARGET_GROUPS, 'none'];
  return keys.map((group) => {
    const row = rows.find((candidate) => (candidate.targetGroup ?? 'none') === group);
    const counts = row
      ? {
          registered: row.registered,
          enrolled: row.enrolled,
          completed: row.completed,
          certified: row.certified,
          confirmed: row.confirmed,
        }
      : empty;
    return { group, ...counts };
  });
}

/**
 * A number typed by an official: "330.000" or "330 000" (thousands, the Vietnamese way), "3,5" (a
 * decimal comma in Vietnamese; "3.5" is read as a decimal too, as phone keypads offer only a dot).
 * English reverses the separators. Returns null for anything that is not a number.
 */
export function parseNumberInput(text: string, language: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const decimal = language === 'vi' ? ',' : '.';
  const grouping = language === 'vi' ? '.' : ',';
  let normalised: string;
  if (compact.includes(decimal)) {
    const [whole = '', fraction = '', ...rest] = compact.split(decimal);
    if (rest.length > 0) return null;
    if (whole.includes(grouping) && !isGrouped(whole, grouping)) return null;
    normalised = `${whole.split(grouping).join('')}.${fraction}`;
    if (fraction.includes(grouping)) return null;
  } else if (compact.includes(grouping)) {
    // 330.000 is three hundred and thirty thousand; 3.5 (not in groups of three) is three and a half.
    if (isGrouped(compact, grouping)) normalised = compact.split(grouping).join('');
    else if (compact.split(grouping).length === 2) normalised = compact.replace(grouping, '.');
    else return null;
  } else {
    normalised = compact;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

function isGrouped(text: string, separator: string): boolean {
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(text);
}

/** Decimals a target value may have (the API keeps two). */
export function decimalPlaces(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

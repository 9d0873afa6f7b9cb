/**
 * The campaign's funnel, as dashboards, targets and reports name its stages: a learner is counted at
 * each stage reached — registered, enrolled in a course, completed one, holds a valid certificate, and
 * has a completion confirmed on VNeID.
 */
export const CampaignStage = {
  Registered: 'registered',
  Enrolled: 'enrolled',
  Completed: 'completed',
  Certified: 'certified',
  Confirmed: 'confirmed',
} as const;
export type CampaignStage = (typeof CampaignStage)[keyof typeof CampaignStage];
export const CAMPAIGN_STAGES: readonly CampaignStage[] = Object.values(CampaignStage);

/** How a target is given: a number of learners, or a percentage of a population base. */
export const TargetKind = { Count: 'count', Percent: 'percent' } as const;
export type TargetKind = (typeof TargetKind)[keyof typeof TargetKind];

/**
 * The SQL that refreshes the dashboards' aggregates, in order (the funnel, weeks and households read
 * the stages). The worker's RefreshCampaignStats runs it; tests run it to compare aggregates with a
 * count from scratch.
 */
export const CAMPAIGN_STATS_REFRESH_SQL: readonly string[] = [
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_learner_stages',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_funnel',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_weekly',
  // Households read the learners' stages too ("digital family": a member holds a certificate).
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_households',
  // Digital ambassadors and community sessions, per commune (and year for sessions).
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_ambassadors',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_sessions',
];

/**
 * The number of learners a target asks for: a count as given, a percentage of the population base
 * (the target's own, else the unit's). null when a percentage has no base to take it of.
 */
export function targetLearnerCount(
  kind: TargetKind,
  value: number,
  populationBase: number | null,
  unitPopulation: number | null,
): number | null {
  if (kind === TargetKind.Count) return Math.round(value);
  const base = populationBase ?? unitPopulation;
  return base === null ? null : Math.round((value / 100) * base);
}

/** Share of a target reached, in percent with one decimal; a zero target counts as met. */
export function targetProgressPercent(reached: number, targetCount: number | null): number | null {
  if (targetCount === null) return null;
  return targetCount === 0 ? 100 : Math.round((reached / targetCount) * 1000) / 10;
}

/**
 * The campaign's emulation ranking of communes, the same on the dashboard and in the quarterly report:
 * furthest along their own VNeID-confirmed target first (communes without a target after those with
 * one), then most confirmations, then by name.
 */
export function compareCommuneProgress(
  a: { progressPercent: number | null; confirmed: number; name: string },
  b: { progressPercent: number | null; confirmed: number; name: string },
): number {
  return (
    (b.progressPercent ?? -1) - (a.progressPercent ?? -1) ||
    b.confirmed - a.confirmed ||
    a.name.localeCompare(b.name, 'vi')
  );
}

/** A campaign report's life: requested → generating → its files stored, or failed for good. */
export const CampaignReportStatus = {
  Queued: 'queued',
  Running: 'running',
  Done: 'done',
  Failed: 'failed',
} as const;
export type CampaignReportStatus = (typeof CampaignReportStatus)[keyof typeof CampaignReportStatus];

export const CAMPAIGN_REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type CampaignReportFormat = (typeof CAMPAIGN_REPORT_FORMATS)[number];

/**
 * A quarter's bounds in Vietnam time (UTC+7, no daylight saving), as instants: [start, end).
 * Quarter 1 is January–March.
 */
export function quarterBounds(year: number, quarter: number): { start: Date; end: Date } {
  const month = (quarter - 1) * 3;
  return {
    start: new Date(Date.UTC(year, month, 1) - 7 * 3600_000),
    end: new Date(Date.UTC(year, month + 3, 1) - 7 * 3600_000),
  };
}

/** How Vietnamese paperwork writes quarters: "Quý III/2026". */
export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/** The quarter an instant falls in, in Vietnam time. */
export function quarterOf(instant: Date): { year: number; quarter: number } {
  const local = new Date(instant.getTime() + 7 * 3600_000);
  return { year: local.getUTCFullYear(), quarter: Math.floor(local.getUTCMonth() / 3) + 1 };
}

/** The last quarter that has fully ended at an instant (what the quarterly schedule reports on). */
export function previousQuarter(instant: Date): { year: number; quarter: number } {
  const { year, quarter } = quarterOf(instant);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

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
 * The SQL that refreshes the dashboards' aggregates, in order (the funnel reads the stages). The
 * worker's RefreshCampaignStats runs it; tests run it to compare aggregates with a count from scratch.
 */
export const CAMPAIGN_STATS_REFRESH_SQL: readonly string[] = [
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_learner_stages',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_funnel',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_weekly',
];

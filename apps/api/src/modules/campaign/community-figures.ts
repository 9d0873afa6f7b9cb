import { AMBASSADOR_MINIMUM_LEARNERS } from '@hocvu/contracts';
import { DataSource } from 'typeorm';

import { CommunityFiguresDto } from './dto/campaign.dto';

/**
 * The dashboard's digital-ambassador and community-session figures for some communes, summed from the
 * `campaign_ambassadors` and `campaign_sessions` aggregates (migrations/1764930000000-CampaignCommunityStats.ts,
 * refreshed with the other campaign views): a few rows per commune instead of the raw tables per request.
 *
 * Sessions "held" in a year started in that year (Vietnam time), had started by the refresh, and were
 * not cancelled; attendance counts people recorded at those sessions.
 */
export async function communityFigures(
  db: DataSource,
  communeIds: string[],
  year: number,
): Promise<CommunityFiguresDto> {
  const [row] = await db.query<
    {
      ambassadors: number;
      learnersWithAmbassador: number;
      ambassadorsWithMinimum: number;
      sessionsHeld: number;
      attendances: number;
    }[]
  >(
    `SELECT COALESCE(sum(a.ambassadors), 0)::int AS ambassadors,
            COALESCE(sum(a.learners), 0)::int AS "learnersWithAmbassador",
            COALESCE(sum(a.with_minimum), 0)::int AS "ambassadorsWithMinimum",
            (SELECT COALESCE(sum(s.sessions), 0)::int FROM campaign_sessions s
              WHERE s.commune_id = ANY($1::uuid[]) AND s.year = $2) AS "sessionsHeld",
            (SELECT COALESCE(sum(s.attendances), 0)::int FROM campaign_sessions s
              WHERE s.commune_id = ANY($1::uuid[]) AND s.year = $2) AS attendances
       FROM campaign_ambassadors a
      WHERE a.commune_id = ANY($1::uuid[])`,
    [communeIds, year],
  );
  return {
    ...row,
    minimumLearners: AMBASSADOR_MINIMUM_LEARNERS,
    averageAttendance:
      row.sessionsHeld === 0 ? null : Math.round((row.attendances / row.sessionsHeld) * 10) / 10,
  };
}

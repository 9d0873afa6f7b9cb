import { AMBASSADOR_MINIMUM_LEARNERS } from '@hocvu/contracts';
import { DataSource } from 'typeorm';

import { CommunityFiguresDto } from './dto/campaign.dto';

/**
 * The dashboard's digital-ambassador and community-session figures for some communes, read live (not
 * from the materialised views): the tables are small (ambassadors are a partial index, sessions a
 * (commune, starts_at) index, attendance keyed by session), so one statement costs a few milliseconds
 * at campaign scale and the figures move as soon as a class is recorded.
 *
 * Sessions "held" in a year started in that year (Vietnam time), have started by now, and were not
 * cancelled; attendance counts people recorded at those sessions.
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
    `WITH ambassadors AS (
       SELECT u.id, (SELECT count(*) FROM ambassador_learners l WHERE l.ambassador_id = u.id) AS learners
         FROM users u
        WHERE u.commune_id = ANY($1::uuid[]) AND u.ambassador AND u.role = 'learner' AND u.status = 'active'),
     held AS (
       SELECT s.id FROM community_sessions s
        WHERE s.commune_id = ANY($1::uuid[]) AND s.cancelled_at IS NULL AND s.starts_at <= now()
          AND s.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
          AND s.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh'))
     SELECT (SELECT count(*)::int FROM ambassadors) AS ambassadors,
            (SELECT COALESCE(sum(learners), 0)::int FROM ambassadors) AS "learnersWithAmbassador",
            (SELECT count(*)::int FROM ambassadors WHERE learners >= $3) AS "ambassadorsWithMinimum",
            (SELECT count(*)::int FROM held) AS "sessionsHeld",
            (SELECT count(*)::int FROM community_session_attendance a WHERE a.session_id IN (SELECT id FROM held))
              AS attendances`,
    [communeIds, year, AMBASSADOR_MINIMUM_LEARNERS],
  );
  return {
    ...row,
    minimumLearners: AMBASSADOR_MINIMUM_LEARNERS,
    averageAttendance:
      row.sessionsHeld === 0 ? null : Math.round((row.attendances / row.sessionsHeld) * 10) / 10,
  };
}

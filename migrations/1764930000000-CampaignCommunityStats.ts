import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's ambassador and community-session figures as aggregates, like the rest of it: read live,
 * the province's took ≈ 36 ms of PostgreSQL per request at campaign scale (3,300 ambassadors, 2,000
 * sessions, 74,000 attendances), which held the province dashboard at p50 ≈ 500 ms under 20 connections.
 * Refreshed with the other campaign views by RefreshCampaignStats (every 5 minutes, or "update now").
 *
 * - campaign_ambassadors: per commune, active ambassadors, the learners they help, and how many help at
 *   least 5 (AMBASSADOR_MINIMUM_LEARNERS in @hocvu/contracts — the plan's figure).
 * - campaign_sessions: per commune and year (Vietnam time), sessions held (started by the refresh, not
 *   cancelled) and the people recorded at them.
 */
export class CampaignCommunityStats1764930000000 implements MigrationInterface {
  name = 'CampaignCommunityStats1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW campaign_ambassadors AS
      SELECT u.commune_id, count(*)::int AS ambassadors,
             COALESCE(sum(l.learners), 0)::int AS learners,
             (count(*) FILTER (WHERE l.learners >= 5))::int AS with_minimum
        FROM users u
        LEFT JOIN (SELECT ambassador_id, count(*) AS learners FROM ambassador_learners GROUP BY 1) l
               ON l.ambassador_id = u.id
       WHERE u.ambassador AND u.role = 'learner' AND u.status = 'active' AND u.commune_id IS NOT NULL
       GROUP BY u.commune_id`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_campaign_ambassadors ON campaign_ambassadors (commune_id)`,
    );
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW campaign_sessions AS
      SELECT s.commune_id, extract(year FROM s.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year,
             count(*)::int AS sessions, COALESCE(sum(a.attendances), 0)::int AS attendances
        FROM community_sessions s
        LEFT JOIN (SELECT session_id, count(*) AS attendances FROM community_session_attendance GROUP BY 1) a
               ON a.session_id = s.id
       WHERE s.cancelled_at IS NULL AND s.starts_at <= now()
       GROUP BY 1, 2`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_campaign_sessions ON campaign_sessions (commune_id, year)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW campaign_sessions`);
    await queryRunner.query(`DROP MATERIALIZED VIEW campaign_ambassadors`);
  }
}

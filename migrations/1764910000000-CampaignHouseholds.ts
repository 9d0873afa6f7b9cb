import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "digital family" (gia đình số) figure: per commune, households with at least one registered
 * learner, and households with at least one learner holding a valid (unrevoked) certificate. Read
 * from campaign_learner_stages (which carries household_id, kept only with the learner's consent), so
 * the worker refreshes it after that view (CAMPAIGN_STATS_REFRESH_SQL). Household ids are compared
 * case- and space-insensitively ("hgd-12" and "HGD-12 " are one household); a household is counted in
 * each commune its members are registered in.
 */
export class CampaignHouseholds1764910000000 implements MigrationInterface {
  name = 'CampaignHouseholds1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW campaign_households AS
      SELECT commune_id, count(*)::int AS households, (count(*) FILTER (WHERE certified))::int AS certified
        FROM (SELECT commune_id, upper(btrim(household_id)) AS household,
                     bool_or(certified_at IS NOT NULL) AS certified
                FROM campaign_learner_stages
               WHERE household_id IS NOT NULL AND btrim(household_id) <> ''
               GROUP BY 1, 2) AS h
       GROUP BY commune_id`);
    // Unique, so the worker can refresh it CONCURRENTLY (dashboards keep reading meanwhile).
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_campaign_households ON campaign_households (commune_id) NULLS NOT DISTINCT`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW campaign_households`);
  }
}

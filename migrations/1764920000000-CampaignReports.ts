import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quarterly campaign reports: one row per generated report (the province with every commune, or one
 * commune), its state while the worker generates it, and where its XLSX and PDF are stored.
 *
 * - A report is requested by an admin (requested_by) or by the quarterly schedule (scheduled): at most
 *   one scheduled report per unit and quarter, so a schedule that fires twice (two workers, a retry)
 *   makes one.
 * - At most one report per unit and quarter is queued or running at a time: asking again while one is
 *   being generated returns that one instead of starting a second.
 * - figures keeps the numbers the files were made from, so a report can be checked and compared later.
 * - updated_at moves at every step of a generation; requeues counts how often RecoverCampaignReports
 *   asked again for a report whose job was lost (a Redis that lost data, a restore under an old Redis).
 */
export class CampaignReports1764920000000 implements MigrationInterface {
  name = 'CampaignReports1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES admin_units(id) ON DELETE CASCADE,
        year smallint NOT NULL,
        quarter smallint NOT NULL,
        scheduled boolean NOT NULL DEFAULT false,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        status varchar(16) NOT NULL DEFAULT 'queued',
        progress_percent smallint NOT NULL DEFAULT 0,
        started_at timestamptz,
        finished_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        -- Touched at every step of a generation: a report queued or running without a touch for long
        -- lost its job (RecoverCampaignReports asks again, at most a few times).
        updated_at timestamptz NOT NULL DEFAULT now(),
        requeues integer NOT NULL DEFAULT 0,
        xlsx_key varchar(300),
        xlsx_bytes integer,
        pdf_key varchar(300),
        pdf_bytes integer,
        figures jsonb,
        error text,
        CONSTRAINT ck_campaign_reports_quarter CHECK (quarter BETWEEN 1 AND 4),
        CONSTRAINT ck_campaign_reports_year CHECK (year BETWEEN 2020 AND 2100),
        CONSTRAINT ck_campaign_reports_status CHECK (status IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT ck_campaign_reports_progress CHECK (progress_percent BETWEEN 0 AND 100),
        CONSTRAINT ck_campaign_reports_done CHECK (
          status <> 'done' OR (xlsx_key IS NOT NULL AND pdf_key IS NOT NULL AND figures IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_campaign_reports_scheduled ON campaign_reports (unit_id, year, quarter)
       WHERE scheduled`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_campaign_reports_in_flight ON campaign_reports (unit_id, year, quarter)
       WHERE status IN ('queued', 'running')`);
    await queryRunner.query(
      `CREATE INDEX ix_campaign_reports_unit ON campaign_reports (unit_id, requested_at DESC)`,
    );
    await queryRunner.query(`
      CREATE INDEX ix_campaign_reports_pending ON campaign_reports (updated_at)
       WHERE status IN ('queued', 'running')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE campaign_reports`);
  }
}

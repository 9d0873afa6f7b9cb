import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign administration: the learner attributes inclusion reporting needs, villages, yearly targets,
 * and the aggregates dashboards read.
 *
 * - users: village (thôn/bản/tổ dân phố, an admin unit under the commune), birth year (the birth date
 *   itself stays encrypted; the year is enough for the 60+ band), optional self-declared disability and
 *   ethnic group, a household id for the "digital family" figure, when the learner consented to those
 *   optional attributes, and the digital-ambassador flag. docs/privacy.md says why each exists.
 * - campaign_targets: per year, unit (province or commune), target group (NULL = everyone) and metric,
 *   a count or a percentage of a population base.
 * - campaign_learner_stages → campaign_funnel + campaign_weekly: materialised views refreshed by the
 *   worker (RefreshCampaignStats), so dashboards sum a few thousand rows instead of scanning learners,
 *   enrolments and certificates per request.
 */
export class Campaign1764800000000 implements MigrationInterface {
  name = 'Campaign1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN village_id uuid REFERENCES admin_units(id) ON DELETE SET NULL,
        ADD COLUMN birth_year smallint,
        ADD COLUMN disability boolean,
        ADD COLUMN ethnic_group varchar(40),
        ADD COLUMN household_id varchar(40),
        ADD COLUMN attributes_consented_at timestamptz,
        ADD COLUMN ambassador boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_users_birth_year CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
        -- Optional personal attributes are kept only with the learner's consent.
        ADD CONSTRAINT ck_users_attributes_consent CHECK (
          (disability IS NULL AND ethnic_group IS NULL AND household_id IS NULL) OR attributes_consented_at IS NOT NULL)`);
    await queryRunner.query(
      `CREATE INDEX ix_users_household ON users (household_id) WHERE household_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE campaign_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year smallint NOT NULL,
        unit_id uuid NOT NULL REFERENCES admin_units(id) ON DELETE CASCADE,
        target_group varchar(32),
        metric varchar(16) NOT NULL,
        kind varchar(8) NOT NULL,
        value numeric(12, 2) NOT NULL,
        population_base integer,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_campaign_targets_year CHECK (year BETWEEN 2020 AND 2100),
        CONSTRAINT ck_campaign_targets_group CHECK (
          target_group IS NULL OR target_group IN ('public_servant', 'student', 'enterprise_worker', 'citizen')),
        CONSTRAINT ck_campaign_targets_metric CHECK (
          metric IN ('registered', 'enrolled', 'completed', 'certified', 'confirmed')),
        CONSTRAINT ck_campaign_targets_kind CHECK (
          (kind = 'count' AND value >= 0 AND population_base IS NULL)
          OR (kind = 'percent' AND value BETWEEN 0 AND 100 AND (population_base IS NULL OR population_base >= 0))),
        CONSTRAINT uq_campaign_targets UNIQUE NULLS NOT DISTINCT (year, unit_id, target_group, metric)
      )`);

    // One row per learner: where they are in the funnel, and when they got there. Each stage is one
    // grouped pass over its table joined by hash (not a subquery per learner: 330,000 of those took
    // minutes at campaign scale).
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW campaign_learner_stages AS
      SELECT u.id AS user_id,
             u.commune_id,
             u.target_group,
             u.household_id,
             COALESCE(u.birth_year <= extract(year FROM now())::int - 60, false) AS elderly,
             COALESCE(u.disability, false) AS disability,
             u.ethnic_group,
             u.created_at AS registered_at,
             e.enrolled_at,
             cc.completed_at,
             c.certified_at,
             a.confirmed_at
        FROM users u
        LEFT JOIN (SELECT user_id, min(enrolled_at) AS enrolled_at FROM enrolments GROUP BY user_id) e
               ON e.user_id = u.id
        LEFT JOIN (SELECT user_id, min(completed_at) AS completed_at FROM course_completions GROUP BY user_id) cc
               ON cc.user_id = u.id
        LEFT JOIN (SELECT user_id, min(issued_at) AS certified_at FROM certificates
                    WHERE revoked_at IS NULL GROUP BY user_id) c
               ON c.user_id = u.id
        LEFT JOIN (SELECT ce.user_id, min(att.decided_at) AS confirmed_at
                     FROM certificate_attestations att JOIN certificates ce ON ce.id = att.certificate_id
                    WHERE att.state = 'confirmed' AND ce.revoked_at IS NULL GROUP BY ce.user_id) a
               ON a.user_id = u.id
       WHERE u.role = 'learner' AND u.status = 'active'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_campaign_learner_stages ON campaign_learner_stages (user_id)`,
    );

    // The dashboards' sources, each a few thousand rows at campaign scale: learners at each stage per
    // commune, target group and inclusion attributes (no time), and learners reaching each stage per
    // commune and week (Vietnam time).
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW campaign_funnel AS
      SELECT s.commune_id, s.target_group, s.elderly, s.disability, stage.name AS stage, count(*)::int AS learners
        FROM campaign_learner_stages s
        CROSS JOIN LATERAL (VALUES ('registered', s.registered_at), ('enrolled', s.enrolled_at),
                                   ('completed', s.completed_at), ('certified', s.certified_at),
                                   ('confirmed', s.confirmed_at)) AS stage(name, at)
       WHERE stage.at IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_campaign_funnel
        ON campaign_funnel (commune_id, target_group, elderly, disability, stage) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW campaign_weekly AS
      SELECT s.commune_id, stage.name AS stage,
             date_trunc('week', stage.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS week, count(*)::int AS learners
        FROM campaign_learner_stages s
        CROSS JOIN LATERAL (VALUES ('registered', s.registered_at), ('enrolled', s.enrolled_at),
                                   ('completed', s.completed_at), ('certified', s.certified_at),
                                   ('confirmed', s.confirmed_at)) AS stage(name, at)
       WHERE stage.at IS NOT NULL
       GROUP BY 1, 2, 3`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_campaign_weekly ON campaign_weekly (commune_id, stage, week) NULLS NOT DISTINCT`,
    );

    // A roster import and the learners it brought (created or matched), so they can be enrolled later.
    await queryRunner.query(`
      CREATE TABLE roster_imports (
        id uuid PRIMARY KEY,
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        commune_id uuid REFERENCES admin_units(id) ON DELETE SET NULL,
        rows integer NOT NULL,
        created integer NOT NULL,
        existing integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE roster_import_members (
        import_id uuid NOT NULL REFERENCES roster_imports(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (import_id, user_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE campaign_stats_refreshes (
        id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE campaign_stats_refreshes`);
    await queryRunner.query(`DROP TABLE roster_import_members`);
    await queryRunner.query(`DROP TABLE roster_imports`);
    await queryRunner.query(`DROP MATERIALIZED VIEW campaign_weekly`);
    await queryRunner.query(`DROP MATERIALIZED VIEW campaign_funnel`);
    await queryRunner.query(`DROP MATERIALIZED VIEW campaign_learner_stages`);
    await queryRunner.query(`DROP TABLE campaign_targets`);
    await queryRunner.query(`DROP INDEX ix_users_household`);
    await queryRunner.query(`
      ALTER TABLE users
        DROP CONSTRAINT ck_users_attributes_consent,
        DROP CONSTRAINT ck_users_birth_year,
        DROP COLUMN ambassador,
        DROP COLUMN attributes_consented_at,
        DROP COLUMN household_id,
        DROP COLUMN ethnic_group,
        DROP COLUMN disability,
        DROP COLUMN birth_year,
        DROP COLUMN village_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digital ambassadors and community sessions (docs/campaign.md).
 *
 * - ambassador_learners: which learners a digital ambassador ("đại sứ số") helps. A learner has at most
 *   one ambassador (unique learner_id), so "learners with an ambassador" counts people, not links.
 * - community_sessions: the weekly in-person classes of a commune (place, time, optional course),
 *   cancelled rather than deleted so the year's figures keep their history.
 * - community_session_attendance: who came, recorded by QR or from a list; unique per session and
 *   learner, so scanning the same phone twice records once.
 * - learner_qr_tokens: the random code a learner's "my QR" page shows. A random value, not the user id
 *   or citizen id, so the QR carries no personal data and can be renewed if a photo of it circulates.
 */
export class CommunitySessions1764900000000 implements MigrationInterface {
  name = 'CommunitySessions1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The dashboard counts ambassadors per commune: a partial index keeps that to the few flagged rows.
    await queryRunner.query(
      `CREATE INDEX ix_users_ambassador ON users (commune_id) WHERE ambassador AND role = 'learner'`,
    );
    await queryRunner.query(`
      CREATE TABLE ambassador_learners (
        ambassador_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_ambassador_learners PRIMARY KEY (ambassador_id, learner_id),
        CONSTRAINT uq_ambassador_learners_learner UNIQUE (learner_id),
        CONSTRAINT ck_ambassador_learners_not_self CHECK (ambassador_id <> learner_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE community_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune_id uuid NOT NULL REFERENCES admin_units(id) ON DELETE CASCADE,
        course_id uuid REFERENCES courses(id) ON DELETE SET NULL,
        title varchar(160) NOT NULL,
        place varchar(200) NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes smallint NOT NULL DEFAULT 90,
        capacity smallint NOT NULL DEFAULT 50,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        cancel_reason varchar(300),
        CONSTRAINT ck_community_sessions_duration CHECK (duration_minutes BETWEEN 15 AND 600),
        CONSTRAINT ck_community_sessions_capacity CHECK (capacity BETWEEN 1 AND 500)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_community_sessions_commune_starts ON community_sessions (commune_id, starts_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE community_session_attendance (
        session_id uuid NOT NULL REFERENCES community_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        method varchar(8) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_community_session_attendance PRIMARY KEY (session_id, user_id),
        CONSTRAINT ck_community_session_attendance_method CHECK (method IN ('qr', 'list'))
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_community_session_attendance_user ON community_session_attendance (user_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE learner_qr_tokens (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token varchar(16) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_learner_qr_tokens_token UNIQUE (token)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE learner_qr_tokens`);
    await queryRunner.query(`DROP TABLE community_session_attendance`);
    await queryRunner.query(`DROP TABLE community_sessions`);
    await queryRunner.query(`DROP TABLE ambassador_learners`);
    await queryRunner.query(`DROP INDEX ix_users_ambassador`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sign-in sessions, administrative units and the audit log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE admin_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL,
        name varchar(120) NOT NULL,
        kind varchar(16) NOT NULL,
        parent_id uuid REFERENCES admin_units(id) ON DELETE RESTRICT,
        population integer CHECK (population IS NULL OR population >= 0),
        area_km2 numeric(10, 2),
        merged_from text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_admin_units_code UNIQUE (code),
        CONSTRAINT ck_admin_units_kind CHECK (kind IN ('province', 'commune', 'ward', 'village'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_admin_units_parent ON admin_units (parent_id)`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone varchar(16),
        email varchar(254),
        password_hash text NOT NULL,
        role varchar(32) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'active',
        full_name varchar(120) NOT NULL,
        birth_date_enc text,
        gender varchar(16),
        preferred_language varchar(35) NOT NULL DEFAULT 'vi',
        commune_id uuid REFERENCES admin_units(id) ON DELETE RESTRICT,
        target_group varchar(32),
        must_change_password boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_contact CHECK (phone IS NOT NULL OR email IS NOT NULL),
        CONSTRAINT ck_users_role CHECK (role IN ('learner', 'teacher', 'commune_admin', 'province_admin')),
        CONSTRAINT ck_users_status CHECK (status IN ('active', 'disabled')),
        CONSTRAINT ck_users_gender CHECK (gender IS NULL OR gender IN ('female', 'male', 'other')),
        CONSTRAINT ck_users_target_group CHECK (
          target_group IS NULL OR target_group IN ('public_servant', 'student', 'enterprise_worker', 'citizen')),
        CONSTRAINT ck_users_commune_admin_scope CHECK (role <> 'commune_admin' OR commune_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_users_phone ON users (phone) WHERE phone IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_users_email ON users (email) WHERE email IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_users_commune_role ON users (commune_id, role)`);
    await queryRunner.query(`CREATE INDEX ix_users_created_at ON users (created_at)`);

    await queryRunner.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason varchar(32),
        user_agent varchar(300)
      )`);
    await queryRunner.query(`CREATE INDEX ix_auth_sessions_user ON auth_sessions (user_id)`);
    await queryRunner.query(`CREATE INDEX ix_auth_sessions_expires ON auth_sessions (expires_at)`);

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash)
      )`);
    await queryRunner.query(`CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar(64) NOT NULL,
        target_type varchar(32),
        target_id varchar(64),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_audit_log_created_at ON audit_log (created_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_audit_log_actor ON audit_log (actor_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE auth_sessions`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE admin_units`);
  }
}

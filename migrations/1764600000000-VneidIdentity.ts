import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity from VNeID: the citizen id encrypted (AES-256-GCM, key id inside the value) with a keyed
 * look-up hash so one citizen maps to one account, and the identification level VNeID vouched for.
 * An account made by "Sign in with VNeID" may have neither phone nor email, and no password.
 */
export class VneidIdentity1764600000000 implements MigrationInterface {
  name = 'VneidIdentity1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN citizen_id_enc text,
        ADD COLUMN citizen_id_hash varchar(64),
        ADD COLUMN identity_level smallint,
        ADD COLUMN identity_verified_at timestamptz,
        ADD CONSTRAINT ck_users_identity_level CHECK (identity_level IS NULL OR identity_level IN (1, 2)),
        ADD CONSTRAINT ck_users_citizen_id_pair CHECK ((citizen_id_enc IS NULL) = (citizen_id_hash IS NULL))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_users_citizen_id_hash ON users (citizen_id_hash) WHERE citizen_id_hash IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT ck_users_contact`);
    await queryRunner.query(`
      ALTER TABLE users ADD CONSTRAINT ck_users_contact
        CHECK (phone IS NOT NULL OR email IS NOT NULL OR citizen_id_hash IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM users WHERE phone IS NULL AND email IS NULL`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT ck_users_contact`);
    await queryRunner.query(
      `ALTER TABLE users ADD CONSTRAINT ck_users_contact CHECK (phone IS NOT NULL OR email IS NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX uq_users_citizen_id_hash`);
    await queryRunner.query(`
      ALTER TABLE users
        DROP CONSTRAINT ck_users_citizen_id_pair,
        DROP CONSTRAINT ck_users_identity_level,
        DROP COLUMN identity_verified_at,
        DROP COLUMN identity_level,
        DROP COLUMN citizen_id_hash,
        DROP COLUMN citizen_id_enc`);
  }
}

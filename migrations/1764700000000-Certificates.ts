import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates, their revocation lists, skill-certificate batches and the VNeID attestation states.
 *
 * - certificates: one per enrolment (course certificates) or per batch item (skill certificates), both
 *   enforced by unique keys, so a duplicated or replayed event can never issue twice. The signed
 *   credential is the certificate of record; the PDF is rendered from it on first download.
 * - Serials come from one sequence (`DB-2026-000123`: prefix, year of issue, number), unique and
 *   increasing but not gapless (a rolled-back issuance skips its number).
 * - Each certificate owns one bit of a Bitstring Status List (list, index), allocated from a second
 *   sequence; status_lists keeps the newest signed list credential of each list.
 * - certificate_attestations: the push of a certificate to VNeID, one row per certificate, states
 *   pending → sent → confirmed | rejected, or failed (dead letter) when retries ran out.
 */
export class Certificates1764700000000 implements MigrationInterface {
  name = 'Certificates1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE certificate_serial_seq AS bigint START 1`);
    await queryRunner.query(`CREATE SEQUENCE certificate_status_index_seq AS bigint START 0 MINVALUE 0`);

    await queryRunner.query(`
      CREATE TABLE skill_programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        title jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}'::jsonb,
        criteria jsonb NOT NULL DEFAULT '{}'::jsonb,
        target_group varchar(32),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_skill_programmes_code UNIQUE (code)
      )`);

    // The national basic-digital-skills framework (Decision 757/QĐ-BKHCN, 29 April 2025) names four
    // target groups; each gets a programme admins can certify against. Admins may add more.
    await queryRunner.query(
      `INSERT INTO skill_programmes (code, title, description, criteria, target_group) VALUES
        ($1, $2, $3, $4, 'public_servant'), ($5, $6, $7, $4, 'student'),
        ($8, $9, $10, $4, 'enterprise_worker'), ($11, $12, $13, $4, 'citizen')`,
      [
        'KNS-CB-CONG-CHUC',
        JSON.stringify({
          vi: 'Kỹ năng số cơ bản — cán bộ, công chức, viên chức',
          en: 'Basic digital skills — public-sector staff',
        }),
        JSON.stringify({
          vi: 'Khung kỹ năng số cơ bản cho cán bộ, công chức, viên chức và người lao động khu vực công.',
        }),
        JSON.stringify({
          vi: 'Đạt bài đánh giá kỹ năng số cơ bản theo khung của Bộ Khoa học và Công nghệ (Quyết định 757/QĐ-BKHCN).',
        }),
        'KNS-CB-HOC-SINH',
        JSON.stringify({
          vi: 'Kỹ năng số cơ bản — học sinh, sinh viên',
          en: 'Basic digital skills — pupils and students',
        }),
        JSON.stringify({ vi: 'Khung kỹ năng số cơ bản cho học sinh, sinh viên.' }),
        'KNS-CB-DOANH-NGHIEP',
        JSON.stringify({
          vi: 'Kỹ năng số cơ bản — người lao động doanh nghiệp, hợp tác xã',
          en: 'Basic digital skills — enterprise and cooperative workers',
        }),
        JSON.stringify({ vi: 'Khung kỹ năng số cơ bản cho người lao động trong doanh nghiệp, hợp tác xã.' }),
        'KNS-CB-NGUOI-DAN',
        JSON.stringify({ vi: 'Kỹ năng số cơ bản — người dân', en: 'Basic digital skills — citizens' }),
        JSON.stringify({
          vi: 'Khung kỹ năng số cơ bản cho người dân: dùng điện thoại thông minh, VNeID, dịch vụ công trực tuyến, thanh toán an toàn.',
        }),
      ],
    );

    await queryRunner.query(`
      CREATE TABLE certificate_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        skill_programme_id uuid NOT NULL REFERENCES skill_programmes(id) ON DELETE RESTRICT,
        title varchar(200) NOT NULL,
        reason text NOT NULL,
        -- The in-person assessment day; items carry their own (the same unless a learner sat it another day).
        assessed_on date NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'pending',
        prepared_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        prepared_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        decided_at timestamptz,
        decision_note text,
        CONSTRAINT ck_certificate_batches_state CHECK (state IN ('pending', 'approved', 'rejected')),
        -- Four eyes: whoever decides is not whoever prepared.
        CONSTRAINT ck_certificate_batches_four_eyes CHECK (decided_by IS NULL OR decided_by <> prepared_by),
        CONSTRAINT ck_certificate_batches_decision CHECK ((state = 'pending') = (decided_by IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_certificate_batches_state ON certificate_batches (state, prepared_at DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE certificate_batch_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES certificate_batches(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        assessed_on date NOT NULL,
        CONSTRAINT uq_certificate_batch_items_user UNIQUE (batch_id, user_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        serial varchar(40) NOT NULL,
        kind varchar(8) NOT NULL,
        enrolment_id uuid REFERENCES enrolments(id) ON DELETE RESTRICT,
        batch_item_id uuid REFERENCES certificate_batch_items(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        course_id uuid REFERENCES courses(id) ON DELETE RESTRICT,
        skill_programme_id uuid REFERENCES skill_programmes(id) ON DELETE RESTRICT,
        learner_name varchar(120) NOT NULL,
        title varchar(300) NOT NULL,
        completed_at timestamptz NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        status_list integer NOT NULL,
        status_index integer NOT NULL,
        credential jsonb NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_reason text,
        CONSTRAINT uq_certificates_serial UNIQUE (serial),
        CONSTRAINT uq_certificates_enrolment UNIQUE (enrolment_id),
        CONSTRAINT uq_certificates_batch_item UNIQUE (batch_item_id),
        CONSTRAINT uq_certificates_status UNIQUE (status_list, status_index),
        CONSTRAINT ck_certificates_kind CHECK (
          (kind = 'course' AND enrolment_id IS NOT NULL AND course_id IS NOT NULL AND batch_item_id IS NULL)
          OR (kind = 'skill' AND batch_item_id IS NOT NULL AND skill_programme_id IS NOT NULL AND enrolment_id IS NULL)),
        CONSTRAINT ck_certificates_revocation CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_certificates_user ON certificates (user_id, issued_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_certificates_issued ON certificates (issued_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE status_lists (
        id integer PRIMARY KEY,
        credential jsonb NOT NULL,
        revoked_count integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE certificate_attestations (
        certificate_id uuid PRIMARY KEY REFERENCES certificates(id) ON DELETE CASCADE,
        idempotency_key varchar(200) NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        remote_id varchar(120),
        rejection_reason varchar(64),
        rejection_fields jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        decided_at timestamptz,
        reconciled_at timestamptz,
        CONSTRAINT uq_certificate_attestations_key UNIQUE (idempotency_key),
        CONSTRAINT ck_certificate_attestations_state
          CHECK (state IN ('pending', 'sent', 'confirmed', 'rejected', 'failed'))
      )`);
    // The push loop's queue: rows due for a (re)try.
    await queryRunner.query(
      `CREATE INDEX ix_certificate_attestations_due ON certificate_attestations (next_attempt_at)
         WHERE state IN ('pending', 'sent')`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_certificate_attestations_state ON certificate_attestations (state, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'certificate_attestations',
      'status_lists',
      'certificates',
      'certificate_batch_items',
      'certificate_batches',
      'skill_programmes',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE certificate_status_index_seq`);
    await queryRunner.query(`DROP SEQUENCE certificate_serial_seq`);
  }
}

import type { TestCitizen } from '@hocvu/attestation/testing';
import { CourseCompletedEvent, JobDefinition, JobName, JOBS } from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { WorkerConfig } from '../src/config/worker-config';

/**
 * Seeds what certificate issuance reads, in SQL as the API would have written it: learners (with or
 * without a VNeID identity, encrypted like the API does), published courses, completions, skill
 * programmes and four-eyes batches.
 */
export class CertificateFixtures {
  private readonly cipher: FieldCipher;

  constructor(
    private readonly db: Client,
    config: WorkerConfig,
  ) {
    this.cipher = new FieldCipher(
      config.DATA_ENCRYPTION_KEYS,
      config.DATA_ENCRYPTION_ACTIVE_KEY_ID,
      config.DATA_LOOKUP_KEY_ID,
    );
  }

  /**
   * A learner. With `citizen`, an account linked to VNeID (citizen id and birth date encrypted, level
   * as given, 2 unless said otherwise); `fullName` overrides the citizen's name (a mismatch for VNeID).
   */
  async learner(
    options: { citizen?: TestCitizen; fullName?: string; identityLevel?: 1 | 2 | null } = {},
  ): Promise<string> {
    const { citizen } = options;
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO users (phone, password_hash, role, full_name, citizen_id_enc, citizen_id_hash, birth_date_enc,
                          identity_level, identity_verified_at)
       VALUES ($1, 'x', 'learner', $2, $3, $4, $5, $6, CASE WHEN $6::smallint IS NULL THEN NULL ELSE now() END)
       RETURNING id`,
      [
        citizen ? null : randomPhone(),
        options.fullName ?? citizen?.fullName ?? 'Nguyễn Văn Học',
        citizen ? this.cipher.encrypt(citizen.citizenId) : null,
        citizen ? this.cipher.lookupHash(citizen.citizenId) : null,
        citizen ? this.cipher.encrypt(citizen.birthDate) : null,
        citizen ? (options.identityLevel === undefined ? 2 : options.identityLevel) : null,
      ],
    );
    return rows[0].id;
  }

  async admin(): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO users (phone, password_hash, role, full_name) VALUES ($1, 'x', 'province_admin', 'Quản trị tỉnh')
       RETURNING id`,
      [randomPhone()],
    );
    return rows[0].id;
  }

  /** A published course (version 1); its certificate title comes from the version's outline. */
  async course(options: { slug?: string; title?: string } = {}): Promise<Course> {
    const slug = options.slug ?? `ky-nang-so-${randomUUID().slice(0, 8)}`;
    const title = options.title ?? 'Kỹ năng số cơ bản';
    const teacher = await this.db.query<{ id: string }>(
      `INSERT INTO users (phone, password_hash, role, full_name) VALUES ($1, 'x', 'teacher', 'Giáo viên') RETURNING id`,
      [randomPhone()],
    );
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO courses (slug, owner_id, title, summary, status, published_version, published_revision)
       VALUES ($1, $2, $3, $4, 'published', 1, 1) RETURNING id`,
      [
        slug,
        teacher.rows[0].id,
        JSON.stringify({ vi: `${title} (nháp)` }),
        JSON.stringify({ vi: 'Tóm tắt khoá học' }),
      ],
    );
    const courseId = rows[0].id;
    const version = await this.db.query<{ id: string }>(
      `INSERT INTO course_versions (course_id, version, outline) VALUES ($1, 1, $2) RETURNING id`,
      [courseId, JSON.stringify({ title: { vi: title }, summary: { vi: `Học ${title}` }, sections: [] })],
    );
    return { courseId, versionId: version.rows[0].id, slug, title };
  }

  /** An enrolment completed `ago` (a PostgreSQL interval) ago; returns its CourseCompleted event. */
  async completion(userId: string, course: Course, ago = '0 seconds'): Promise<CourseCompletedEvent> {
    const { rows } = await this.db.query<{ id: string; completedAt: Date }>(
      `WITH e AS (
         INSERT INTO enrolments (course_id, user_id, completed_at) VALUES ($1, $2, now() - $3::interval)
         RETURNING id, completed_at
       )
       INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id, final_exam_percent, completed_at)
       SELECT e.id, $2, $1, $4, 90, e.completed_at FROM e
       RETURNING enrolment_id AS id, completed_at AS "completedAt"`,
      [course.courseId, userId, ago, course.versionId],
    );
    return {
      enrolmentId: rows[0].id,
      userId,
      courseId: course.courseId,
      versionId: course.versionId,
      completedAt: rows[0].completedAt.toISOString(),
      finalExamPercent: 90,
    };
  }

  async skillProgramme(code = `KN-${randomUUID().slice(0, 8).toUpperCase()}`): Promise<SkillProgramme> {
    const title = 'Thanh toán không dùng tiền mặt';
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO skill_programmes (code, title, description, criteria) VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        code,
        JSON.stringify({ vi: title }),
        JSON.stringify({ vi: 'Thực hành thanh toán bằng mã QR' }),
        JSON.stringify({ vi: 'Đạt bài đánh giá trực tiếp tại xã' }),
      ],
    );
    return { id: rows[0].id, code, title };
  }

  /**
   * A batch of skill certificates prepared by one admin; `approved` (or `rejected`) is decided by a
   * second admin `decidedAgo` ago, as the four-eyes check requires. Items are `[userId, assessedOn]`.
   */
  async batch(
    programme: SkillProgramme,
    state: 'pending' | 'approved' | 'rejected',
    items: [userId: string, assessedOn: string][],
    decidedAgo = '0 seconds',
  ): Promise<{ batchId: string; itemIds: string[] }> {
    const preparedBy = await this.admin();
    const decidedBy = state === 'pending' ? null : await this.admin();
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO certificate_batches (skill_programme_id, title, reason, assessed_on, state, prepared_by, decided_by,
                                        decided_at)
       VALUES ($1, 'Đợt đánh giá tại xã', 'Đánh giá trực tiếp', $6, $2, $3, $4,
               CASE WHEN $4::uuid IS NULL THEN NULL ELSE now() - $5::interval END)
       RETURNING id`,
      [programme.id, state, preparedBy, decidedBy, decidedAgo, items[0]?.[1] ?? '2026-11-20'],
    );
    const batchId = rows[0].id;
    const itemIds: string[] = [];
    for (const [userId, assessedOn] of items) {
      const item = await this.db.query<{ id: string }>(
        `INSERT INTO certificate_batch_items (batch_id, user_id, assessed_on) VALUES ($1, $2, $3) RETURNING id`,
        [batchId, userId, assessedOn],
      );
      itemIds.push(item.rows[0].id);
    }
    return { batchId, itemIds };
  }
}

export interface Course {
  courseId: string;
  versionId: string;
  slug: string;
  title: string;
}

export interface SkillProgramme {
  id: string;
  code: string;
  title: string;
}

export interface CertificateRow {
  id: string;
  serial: string;
  kind: string;
  enrolment_id: string | null;
  batch_item_id: string | null;
  user_id: string;
  course_id: string | null;
  skill_programme_id: string | null;
  learner_name: string;
  title: string;
  completed_at: Date;
  issued_at: Date;
  status_list: number;
  status_index: number;
  credential: Record<string, unknown>;
}

export interface AttestationRow {
  certificate_id: string;
  idempotency_key: string;
  state: string;
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  remote_id: string | null;
  rejection_reason: string | null;
  rejection_fields: string[] | null;
  sent_at: Date | null;
  decided_at: Date | null;
}

/**
 * A job table for tests: the production registry (every job keeps its handler and queue), but no
 * schedules except, when asked, PushAttestations every second — a schedule firing mid-test (the
 * quarter-hourly reconciliation, say) would change what a test asserts.
 */
export function testJobTable(
  options: { pushEverySecond?: boolean; batchSize?: number } = {},
): Record<string, JobDefinition> {
  const table: Record<string, JobDefinition> = Object.fromEntries(
    Object.entries(JOBS).map(([name, definition]) => [name, { queue: definition.queue }]),
  );
  if (options.pushEverySecond) {
    table[JobName.PushAttestations] = {
      queue: JOBS[JobName.PushAttestations].queue,
      repeat: { pattern: '* * * * * *', payload: { batchSize: options.batchSize ?? 50 } },
    };
  }
  return table;
}

function randomPhone(): string {
  return `+849${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

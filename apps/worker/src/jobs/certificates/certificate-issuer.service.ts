import {
  attestationIdempotencyKey,
  CertificateKind,
  certificateUrls,
  formatCertificateSerial,
} from '@hocvu/contracts';
import {
  type CertificateCredentialInput,
  issueCertificateCredential,
  STATUS_LIST_LENGTH,
} from '@hocvu/credentials';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { WorkerConfig } from '../../config/worker-config';
import { ISSUER, IssuerOrProblem, requireIssuer } from './issuer.provider';

/** What a certificate certifies, read from the database before signing. */
interface CertificateFacts {
  kind: CertificateKind;
  /** enrolment id (course) or batch item id (skill): the unique key that makes issuance exactly-once. */
  sourceId: string;
  userId: string;
  courseId: string | null;
  skillProgrammeId: string | null;
  learnerName: string;
  identityLevel: number | null;
  title: string;
  achievement: CertificateCredentialInput['achievement'];
  completedAt: Date;
}

export type IssueOutcome =
  | { outcome: 'issued'; certificateId: string; serial: string }
  | { outcome: 'exists'; certificateId: string; serial: string }
  | { outcome: 'skipped'; reason: string };

/** Issuing times are dated in the province's zone: a certificate issued at 00:30 on 1 January is next year's. */
const ISSUE_TIMEZONE = 'Asia/Ho_Chi_Minh';

/**
 * Issues certificates: one per enrolment (course) or per approved batch item (skill), never two.
 *
 * Signing comes before the insert (the credential names its serial), so two workers handling duplicate
 * events may both sign; the unique keys on `enrolment_id` / `batch_item_id` let exactly one insert win,
 * the other's numbers are skipped. The certificate, its attestation row (identity-verified learners) and
 * nothing else commit together; the PDF is rendered from the stored credential on first download.
 */
@Injectable()
export class CertificateIssuer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: WorkerConfig,
    @Inject(ISSUER) private readonly issuer: IssuerOrProblem,
  ) {}

  async issueForEnrolment(enrolmentId: string): Promise<IssueOutcome> {
    const existing = await this.existing('enrolment_id', enrolmentId);
    if (existing) return existing;
    const rows = await this.dataSource.query<
      {
        userId: string;
        courseId: string;
        fullName: string;
        identityLevel: number | null;
        slug: string;
        title: string;
        summary: string | null;
        completedAt: Date;
      }[]
    >(
      `SELECT cc.user_id AS "userId", cc.course_id AS "courseId", u.full_name AS "fullName",
              u.identity_level AS "identityLevel", c.slug,
              COALESCE(v.outline->'title'->>'vi', c.title->>'vi') AS title,
              COALESCE(v.outline->'summary'->>'vi', c.summary->>'vi') AS summary,
              cc.completed_at AS "completedAt"
         FROM course_completions cc
         JOIN users u ON u.id = cc.user_id
         JOIN courses c ON c.id = cc.course_id
         JOIN course_versions v ON v.id = cc.version_id
        WHERE cc.enrolment_id = $1`,
      [enrolmentId],
    );
    const row = rows[0];
    // No completion (yet): the event ran ahead of nothing we know, or the enrolment was deleted.
    if (!row) return { outcome: 'skipped', reason: `enrolment ${enrolmentId} has no completion` };
    return this.issue({
      kind: CertificateKind.Course,
      sourceId: enrolmentId,
      userId: row.userId,
      courseId: row.courseId,
      skillProgrammeId: null,
      learnerName: row.fullName,
      identityLevel: row.identityLevel,
      title: row.title,
      completedAt: row.completedAt,
      achievement: {
        id: certificateUrls.courseAchievement(this.config.PUBLIC_URL, row.slug),
        name: row.title,
        description: row.summary?.trim() || row.title,
        criteriaNarrative: 'Hoàn thành tất cả bài học bắt buộc và đạt bài kiểm tra của khoá học.',
        humanCode: row.slug,
        inLanguage: 'vi',
      },
    });
  }

  async issueForBatchItem(itemId: string): Promise<IssueOutcome> {
    const existing = await this.existing('batch_item_id', itemId);
    if (existing) return existing;
    const rows = await this.dataSource.query<
      {
        userId: string;
        fullName: string;
        identityLevel: number | null;
        programmeId: string;
        code: string;
        title: string;
        description: string | null;
        criteria: string | null;
        assessedOn: string;
        state: string;
      }[]
    >(
      `SELECT i.user_id AS "userId", u.full_name AS "fullName", u.identity_level AS "identityLevel",
              p.id AS "programmeId", p.code, p.title->>'vi' AS title, p.description->>'vi' AS description,
              p.criteria->>'vi' AS criteria, to_char(i.assessed_on, 'YYYY-MM-DD') AS "assessedOn", b.state
         FROM certificate_batch_items i
         JOIN certificate_batches b ON b.id = i.batch_id
         JOIN skill_programmes p ON p.id = b.skill_programme_id
         JOIN users u ON u.id = i.user_id
        WHERE i.id = $1`,
      [itemId],
    );
    const row = rows[0];
    if (!row) return { outcome: 'skipped', reason: `batch item ${itemId} does not exist` };
    // Only a second admin's approval issues; the check constraint makes "approved" mean four eyes.
    if (row.state !== 'approved')
      return { outcome: 'skipped', reason: `batch of item ${itemId} is ${row.state}` };
    return this.issue({
      kind: CertificateKind.Skill,
      sourceId: itemId,
      userId: row.userId,
      courseId: null,
      skillProgrammeId: row.programmeId,
      learnerName: row.fullName,
      identityLevel: row.identityLevel,
      title: row.title,
      // Noon in Vietnam on the assessment day: the date reads the same in every zone near it.
      completedAt: new Date(`${row.assessedOn}T12:00:00+07:00`),
      achievement: {
        id: certificateUrls.skillAchievement(this.config.PUBLIC_URL, row.code),
        name: row.title,
        description: row.description?.trim() || row.title,
        criteriaNarrative: row.criteria?.trim() || 'Đạt bài đánh giá kỹ năng trực tiếp.',
        humanCode: row.code,
        inLanguage: 'vi',
      },
    });
  }

  private existing(column: 'enrolment_id' | 'batch_item_id', id: string): Promise<IssueOutcome | null> {
    return this.existingIn(this.dataSource, column, id);
  }

  private async issue(facts: CertificateFacts): Promise<IssueOutcome> {
    const issuer = requireIssuer(this.issuer);
    const [numbers] = await this.dataSource.query<{ serial: string; statusIndex: string; year: number }[]>(
      `SELECT nextval('certificate_serial_seq')::text AS serial,
              nextval('certificate_status_index_seq')::text AS "statusIndex",
              extract(year FROM now() AT TIME ZONE $1)::int AS year`,
      [ISSUE_TIMEZONE],
    );
    const serial = formatCertificateSerial(
      this.config.CERTIFICATE_SERIAL_PREFIX,
      numbers.year,
      BigInt(numbers.serial),
    );
    const allocated = Number(numbers.statusIndex);
    const statusList = Math.floor(allocated / STATUS_LIST_LENGTH) + 1;
    const statusIndex = allocated % STATUS_LIST_LENGTH;
    const issuedAt = new Date();
    // Never certified from later than issued: a skill assessed today is dated noon (Vietnam), and a
    // credential signed in the morning would otherwise verify as NOT_YET_VALID until then.
    const completedAt = facts.completedAt > issuedAt ? issuedAt : facts.completedAt;
    const credential = await issueCertificateCredential(
      {
        verificationUrl: certificateUrls.verification(this.config.PUBLIC_URL, serial),
        serial,
        issuer: { did: issuer.did, name: this.config.CERTIFICATE_ISSUER_NAME, url: this.config.PUBLIC_URL },
        validFrom: completedAt,
        learner: { name: facts.learnerName },
        achievement: facts.achievement,
        status: {
          statusListCredential: certificateUrls.statusList(this.config.PUBLIC_URL, statusList),
          statusListIndex: statusIndex,
        },
      },
      issuer.key,
      { created: issuedAt },
    );

    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO certificates (serial, kind, enrolment_id, batch_item_id, user_id, course_id, skill_programme_id,
                                   learner_name, title, completed_at, issued_at, status_list, status_index, credential)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          serial,
          facts.kind,
          facts.kind === CertificateKind.Course ? facts.sourceId : null,
          facts.kind === CertificateKind.Skill ? facts.sourceId : null,
          facts.userId,
          facts.courseId,
          facts.skillProgrammeId,
          facts.learnerName.normalize('NFC'),
          facts.title.normalize('NFC'),
          completedAt,
          issuedAt,
          statusList,
          statusIndex,
          JSON.stringify(credential),
        ],
      );
      if (inserted.length === 0) {
        // A concurrent duplicate won the unique key: its certificate is the one.
        const column = facts.kind === CertificateKind.Course ? 'enrolment_id' : 'batch_item_id';
        const winner = await this.existingIn(manager, column, facts.sourceId);
        if (winner) return winner;
        throw new Error(`certificate for ${column} ${facts.sourceId} conflicted but was not found`);
      }
      const certificateId = inserted[0].id;
      if (facts.identityLevel === 2) await queueAttestation(manager, certificateId);
      return { outcome: 'issued', certificateId, serial } as const;
    });
  }

  private async existingIn(
    manager: DataSource | EntityManager,
    column: 'enrolment_id' | 'batch_item_id',
    id: string,
  ): Promise<IssueOutcome | null> {
    const rows = await manager.query<{ id: string; serial: string }[]>(
      `SELECT id, serial FROM certificates WHERE ${column} = $1`,
      [id],
    );
    return rows[0] ? { outcome: 'exists', certificateId: rows[0].id, serial: rows[0].serial } : null;
  }
}

/** The certificate's attestation row: the push loop's "job", created once per certificate. */
export async function queueAttestation(manager: EntityManager, certificateId: string): Promise<void> {
  await manager.query(
    `INSERT INTO certificate_attestations (certificate_id, idempotency_key) VALUES ($1, $2)
     ON CONFLICT (certificate_id) DO NOTHING`,
    [certificateId, attestationIdempotencyKey(certificateId)],
  );
}

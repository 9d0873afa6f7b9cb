import {
  certificateBatchApprovedKey,
  CertificateBatchState,
  ErrorCode,
  maskPhone,
  normaliseVietnamesePhone,
  OutboxEventType,
  Role,
} from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import {
  CertificateBatchDetailDto,
  CertificateBatchDto,
  CertificateBatchPageDto,
  CertificateBatchQueryDto,
  CreateCertificateBatchDto,
  DecideCertificateBatchDto,
  SkillProgrammeDto,
} from './dto/certificate.dto';

const CITIZEN_ID = /^\d{12}$/;

/** Why a line of a batch's learner list was refused. */
interface LearnerProblem {
  line: number;
  value: string;
  problem: 'invalid' | 'not_found' | 'duplicate' | 'outside_commune' | 'not_a_learner';
}

interface BatchRow {
  id: string;
  title: string;
  reason: string;
  state: CertificateBatchState;
  assessedOn: string;
  itemCount: number;
  issuedCount: number;
  preparedBy: string;
  preparedByName: string;
  preparedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  programme: SkillProgrammeDto;
}

const SELECT_BATCH = `
  SELECT b.id, b.title, b.reason, b.state, to_char(b.assessed_on, 'YYYY-MM-DD') AS "assessedOn",
         (SELECT count(*)::int FROM certificate_batch_items i WHERE i.batch_id = b.id) AS "itemCount",
         (SELECT count(*)::int FROM certificate_batch_items i JOIN certificates c ON c.batch_item_id = i.id
           WHERE i.batch_id = b.id) AS "issuedCount",
         b.prepared_by AS "preparedBy", pu.full_name AS "preparedByName", b.prepared_at AS "preparedAt",
         b.decided_by AS "decidedBy", du.full_name AS "decidedByName", b.decided_at AS "decidedAt",
         b.decision_note AS "decisionNote",
         json_build_object('id', p.id, 'code', p.code, 'title', p.title, 'description', p.description,
                           'criteria', p.criteria, 'targetGroup', p.target_group) AS programme
    FROM certificate_batches b
    JOIN skill_programmes p ON p.id = b.skill_programme_id
    JOIN users pu ON pu.id = b.prepared_by
    LEFT JOIN users du ON du.id = b.decided_by`;

/**
 * Skill certificates issued by admins, four eyes: one admin prepares a batch (programme, assessment day,
 * the learners who passed, why), another approves it — never the preparer (checked here and by the
 * database). Approval writes a CertificateBatchApproved outbox event in the same transaction; the worker
 * issues through the same pipeline as course certificates. Every step is in the audit log.
 */
@Injectable()
export class CertificateBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async programmes(): Promise<SkillProgrammeDto[]> {
    return this.dataSource.query<SkillProgrammeDto[]>(
      `SELECT id, code, title, description, criteria, target_group AS "targetGroup"
         FROM skill_programmes WHERE active ORDER BY code`,
    );
  }

  async programmeByCode(code: string): Promise<SkillProgrammeDto> {
    const [row] = await this.dataSource.query<SkillProgrammeDto[]>(
      `SELECT id, code, title, description, criteria, target_group AS "targetGroup"
         FROM skill_programmes WHERE code = $1`,
      [code.slice(0, 64)],
    );
    if (!row)
      throw new AppError(ErrorCode.SkillProgrammeNotFound, 404, `No skill programme ${code.slice(0, 64)}`);
    return row;
  }

  async prepare(
    dto: CreateCertificateBatchDto,
    actor: AuthUser,
    context: { requestId: string },
  ): Promise<CertificateBatchDetailDto> {
    const [programme] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM skill_programmes WHERE id = $1 AND active`,
      [dto.skillProgrammeId],
    );
    if (!programme) {
      throw new AppError(ErrorCode.SkillProgrammeNotFound, 404, 'No active skill programme with this id');
    }
    const userIds = await this.resolveLearners(dto.learners, actor);
    const batchId = await this.dataSource.transaction(async (manager) => {
      const [batch] = await manager.query<{ id: string }[]>(
        `INSERT INTO certificate_batches (skill_programme_id, title, reason, prepared_by, assessed_on)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          dto.skillProgrammeId,
          dto.title.normalize('NFC'),
          dto.reason.normalize('NFC'),
          actor.id,
          dto.assessedOn,
        ],
      );
      await manager.query(
        `INSERT INTO certificate_batch_items (batch_id, user_id, assessed_on)
         SELECT $1, unnest($2::uuid[]), $3`,
        [batch.id, userIds, dto.assessedOn],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'certificate_batch.prepare',
          targetType: 'certificate_batch',
          targetId: batch.id,
          details: {
            title: dto.title,
            reason: dto.reason,
            learners: userIds.length,
            skillProgrammeId: dto.skillProgrammeId,
          },
          requestId: context.requestId,
        },
        manager,
      );
      return batch.id;
    });
    return this.detail(batchId);
  }

  async list(query: CertificateBatchQueryDto): Promise<CertificateBatchPageDto> {
    const where = query.state ? 'WHERE b.state = $3' : '';
    const params: unknown[] = [query.pageSize, (query.page - 1) * query.pageSize];
    if (query.state) params.push(query.state);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<BatchRow[]>(
        `${SELECT_BATCH} ${where} ORDER BY b.prepared_at DESC LIMIT $1 OFFSET $2`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM certificate_batches b ${query.state ? 'WHERE b.state = $1' : ''}`,
        query.state ? [query.state] : [],
      ),
    ]);
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(batchId: string): Promise<CertificateBatchDetailDto> {
    const [row] = await this.dataSource.query<BatchRow[]>(`${SELECT_BATCH} WHERE b.id = $1`, [batchId]);
    if (!row) throw new AppError(ErrorCode.BatchNotFound, 404, 'No certificate batch with this id');
    const items = await this.dataSource.query<
      { userId: string; learnerName: string; phone: string | null; serial: string | null }[]
    >(
      `SELECT i.user_id AS "userId", u.full_name AS "learnerName", u.phone, c.serial
         FROM certificate_batch_items i
         JOIN users u ON u.id = i.user_id
         LEFT JOIN certificates c ON c.batch_item_id = i.id
        WHERE i.batch_id = $1
        ORDER BY u.full_name, i.id`,
      [batchId],
    );
    return {
      ...toDto(row),
      items: items.map((item) => ({
        userId: item.userId,
        learnerName: item.learnerName,
        phoneMasked: item.phone ? maskPhone(item.phone) : null,
        serial: item.serial,
      })),
    };
  }

  async decide(
    batchId: string,
    decision: 'approve' | 'reject',
    dto: DecideCertificateBatchDto,
    actor: AuthUser,
    context: { requestId: string },
  ): Promise<CertificateBatchDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const [batch] = await manager.query<{ state: string; preparedBy: string }[]>(
        `SELECT state, prepared_by AS "preparedBy" FROM certificate_batches WHERE id = $1 FOR UPDATE`,
        [batchId],
      );
      if (!batch) throw new AppError(ErrorCode.BatchNotFound, 404, 'No certificate batch with this id');
      if (batch.state !== CertificateBatchState.Pending) {
        throw new AppError(ErrorCode.BatchAlreadyDecided, 409, `This batch is already ${batch.state}`);
      }
      if (batch.preparedBy === actor.id) {
        throw new AppError(
          ErrorCode.FourEyesRequired,
          403,
          'Another admin must approve or reject a batch you prepared (four eyes)',
        );
      }
      const state = decision === 'approve' ? CertificateBatchState.Approved : CertificateBatchState.Rejected;
      await manager.query(
        `UPDATE certificate_batches SET state = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
        [batchId, state, actor.id, dto.note?.normalize('NFC') ?? null],
      );
      if (decision === 'approve') {
        await manager.query(
          `INSERT INTO outbox_events (type, dedupe_key, payload) VALUES ($1, $2, $3)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [
            OutboxEventType.CertificateBatchApproved,
            certificateBatchApprovedKey(batchId),
            JSON.stringify({ batchId }),
          ],
        );
        await manager.query(`SELECT pg_notify('hocvu_outbox', '')`);
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: `certificate_batch.${decision}`,
          targetType: 'certificate_batch',
          targetId: batchId,
          details: { note: dto.note ?? null },
          requestId: context.requestId,
        },
        manager,
      );
    });
    return this.detail(batchId);
  }

  /**
   * Learners by phone or citizen id. All must resolve, once each, to learners (and, for a commune admin,
   * to learners of their commune); otherwise nothing is saved and every bad line is listed.
   */
  private async resolveLearners(lines: string[], actor: AuthUser): Promise<string[]> {
    const problems: LearnerProblem[] = [];
    const lookups = lines.map((raw, index) => {
      const value = raw.replace(/[\s.-]/g, '');
      if (CITIZEN_ID.test(value)) {
        return { line: index + 1, raw, column: 'citizen_id_hash', key: this.cipher.lookupHash(value) };
      }
      const phone = normaliseVietnamesePhone(value);
      if (phone) return { line: index + 1, raw, column: 'phone', key: phone };
      problems.push({ line: index + 1, value: raw.slice(0, 32), problem: 'invalid' });
      return null;
    });
    const phones = lookups.filter((l) => l?.column === 'phone').map((l) => l!.key);
    const hashes = lookups.filter((l) => l?.column === 'citizen_id_hash').map((l) => l!.key);
    const users = await this.dataSource.query<
      { id: string; phone: string | null; hash: string | null; role: string; communeId: string | null }[]
    >(
      `SELECT id, phone, citizen_id_hash AS hash, role, commune_id AS "communeId" FROM users
        WHERE status = 'active' AND (phone = ANY($1::text[]) OR citizen_id_hash = ANY($2::text[]))`,
      [phones, hashes],
    );
    const byPhone = new Map(users.filter((u) => u.phone).map((u) => [u.phone!, u]));
    const byHash = new Map(users.filter((u) => u.hash).map((u) => [u.hash!, u]));
    const seen = new Set<string>();
    const ids: string[] = [];
    for (const lookup of lookups) {
      if (!lookup) continue;
      const user = lookup.column === 'phone' ? byPhone.get(lookup.key) : byHash.get(lookup.key);
      const value = lookup.raw.slice(0, 32);
      if (!user) problems.push({ line: lookup.line, value, problem: 'not_found' });
      else if (user.role !== Role.Learner)
        problems.push({ line: lookup.line, value, problem: 'not_a_learner' });
      else if (actor.role === Role.CommuneAdmin && user.communeId !== actor.communeId)
        problems.push({ line: lookup.line, value, problem: 'outside_commune' });
      else if (seen.has(user.id)) problems.push({ line: lookup.line, value, problem: 'duplicate' });
      else {
        seen.add(user.id);
        ids.push(user.id);
      }
    }
    if (problems.length > 0) {
      throw new AppError(
        ErrorCode.BatchLearnersInvalid,
        400,
        `${problems.length} of ${lines.length} learners cannot be in this batch`,
        { problems },
      );
    }
    return ids;
  }
}

function toDto(row: BatchRow): CertificateBatchDto {
  return {
    id: row.id,
    title: row.title,
    reason: row.reason,
    skillProgramme: row.programme,
    state: row.state,
    assessedOn: row.assessedOn,
    itemCount: row.itemCount,
    issuedCount: row.issuedCount,
    preparedBy: row.preparedBy,
    preparedByName: row.preparedByName,
    preparedAt: new Date(row.preparedAt).toISOString(),
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    decisionNote: row.decisionNote,
  };
}

import { AttestationState, ErrorCode } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import {
  AttestationPageDto,
  AttestationQueryDto,
  AttestationRowDto,
  RetriedDto,
} from './dto/certificate.dto';

/**
 * What admins see of the VNeID attestation queue (a table, drained by the worker): counts per state and
 * the rows of a state — above all the dead letters (`failed`), which they send again one by one or all
 * at once once the cause is fixed. A retry starts the row afresh (attempts 0) under the same idempotency
 * key, so VNeID still records the certificate once.
 */
@Injectable()
export class AttestationsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: AttestationQueryDto): Promise<AttestationPageDto> {
    const [counts, items, [{ total }]] = await Promise.all([
      this.dataSource.query<{ state: AttestationState; count: number }[]>(
        `SELECT state, count(*)::int AS count FROM certificate_attestations GROUP BY state`,
      ),
      this.dataSource.query<AttestationRowDto[]>(
        `SELECT a.certificate_id AS "certificateId", c.serial, c.learner_name AS "learnerName", c.title, a.state,
                a.attempts, a.last_error AS "lastError", a.rejection_reason AS "rejectionReason",
                a.next_attempt_at AS "nextAttemptAt", a.created_at AS "createdAt", a.decided_at AS "decidedAt"
           FROM certificate_attestations a JOIN certificates c ON c.id = a.certificate_id
          WHERE a.state = $1
          ORDER BY a.decided_at DESC NULLS LAST, a.created_at DESC
          LIMIT $2 OFFSET $3`,
        [query.state, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM certificate_attestations WHERE state = $1`,
        [query.state],
      ),
    ]);
    const byState = Object.fromEntries(counts.map((row) => [row.state, row.count]));
    return {
      counts: {
        pending: byState['pending'] ?? 0,
        sent: byState['sent'] ?? 0,
        confirmed: byState['confirmed'] ?? 0,
        rejected: byState['rejected'] ?? 0,
        failed: byState['failed'] ?? 0,
      },
      items: items.map((item) => ({
        ...item,
        nextAttemptAt: new Date(item.nextAttemptAt).toISOString(),
        createdAt: new Date(item.createdAt).toISOString(),
        decidedAt: item.decidedAt ? new Date(item.decidedAt).toISOString() : null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async retry(certificateId: string, actor: AuthUser, context: { requestId: string }): Promise<RetriedDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ state: string; serial: string; revoked: boolean }[]>(
        `SELECT a.state, c.serial, c.revoked_at IS NOT NULL AS revoked
           FROM certificate_attestations a JOIN certificates c ON c.id = a.certificate_id
          WHERE a.certificate_id = $1 FOR UPDATE OF a`,
        [certificateId],
      );
      if (!row) throw new AppError(ErrorCode.AttestationNotFound, 404, 'This certificate has no attestation');
      if (row.revoked) {
        throw new AppError(
          ErrorCode.AttestationNotRetryable,
          409,
          `Certificate ${row.serial} is revoked: its attestation is not sent again`,
        );
      }
      if (row.state !== AttestationState.Failed) {
        throw new AppError(
          ErrorCode.AttestationNotRetryable,
          409,
          `Only failed attestations can be sent again; this one is ${row.state}`,
        );
      }
      await manager.query(
        `UPDATE certificate_attestations
            SET state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, decided_at = NULL
          WHERE certificate_id = $1`,
        [certificateId],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'attestation.retry',
          targetType: 'certificate',
          targetId: certificateId,
          details: { serial: row.serial },
          requestId: context.requestId,
        },
        manager,
      );
      return { retried: 1 };
    });
  }

  async retryAll(actor: AuthUser, context: { requestId: string }): Promise<RetriedDto> {
    return this.dataSource.transaction(async (manager) => {
      const [, retried] = await manager.query<[unknown, number]>(
        `UPDATE certificate_attestations
            SET state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, decided_at = NULL
          WHERE state = 'failed'
            AND certificate_id NOT IN (SELECT id FROM certificates WHERE revoked_at IS NOT NULL)`,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'attestation.retry_all',
          targetType: 'attestation',
          details: { retried },
          requestId: context.requestId,
        },
        manager,
      );
      return { retried };
    });
  }
}

import { AttestationAdapter, AttestationError, RemoteStatus } from '@hocvu/attestation';
import { JobName, JobPayloads } from '@hocvu/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { queueAttestation } from '../certificates/certificate-issuer.service';
import { ATTESTATION_ADAPTER } from './attestation.providers';

interface CheckedRow {
  certificateId: string;
  idempotencyKey: string;
  state: string;
}

export interface ReconcileSummary {
  checked: number;
  /** Rows whose state changed to match VNeID's. */
  fixed: number;
  /** Attestation rows created for certificates of learners who became identity-verified later. */
  queued: number;
  /** The run stopped early because VNeID could not answer. */
  interrupted: boolean;
}

/**
 * Compares our attestation records with VNeID's and fixes drift, oldest check first:
 * - VNeID has it (accepted) but we say sent or failed (the answer was lost, or it arrived after we gave
 *   up) → confirmed; it rejected it → rejected;
 * - we say confirmed but VNeID does not know the key (its data was restored from an older backup) →
 *   pending again, so the push sends it anew under the same key;
 * - certificates of identity-verified learners with no attestation (verified after the certificate was
 *   issued) → a pending attestation.
 * Leased rows (being pushed right now) are left alone.
 */
@Injectable()
@HandlesJob(JobName.ReconcileAttestations)
export class ReconcileAttestationsHandler implements JobHandler<typeof JobName.ReconcileAttestations> {
  private readonly logger = new Logger(ReconcileAttestationsHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ATTESTATION_ADAPTER) private readonly adapter: AttestationAdapter | null,
  ) {}

  async handle(payload: JobPayloads[typeof JobName.ReconcileAttestations]): Promise<ReconcileSummary> {
    const summary: ReconcileSummary = { checked: 0, fixed: 0, queued: 0, interrupted: false };
    summary.queued = await this.queueMissing(payload.batchSize);
    if (!this.adapter) return summary;
    const rows = await this.dataSource.query<CheckedRow[]>(
      `SELECT certificate_id AS "certificateId", idempotency_key AS "idempotencyKey", state
         FROM certificate_attestations
        WHERE state IN ('sent', 'failed', 'confirmed', 'rejected') AND (lease_until IS NULL OR lease_until < now())
        ORDER BY reconciled_at NULLS FIRST, created_at
        LIMIT $1`,
      [payload.batchSize],
    );
    for (const row of rows) {
      let remote: RemoteStatus;
      try {
        remote = await this.adapter.status(row.idempotencyKey);
      } catch (error) {
        if (error instanceof AttestationError && error.retryable) {
          summary.interrupted = true;
          this.logger.warn(`Reconciliation paused, VNeID did not answer: ${error.message}`);
          break;
        }
        throw error;
      }
      summary.checked += 1;
      if (await this.apply(row, remote)) summary.fixed += 1;
    }
    if (summary.fixed + summary.queued > 0) {
      this.logger.warn(
        `Reconciliation: ${summary.fixed} of ${summary.checked} attestations corrected, ${summary.queued} missing queued`,
      );
    }
    return summary;
  }

  /** Brings one row in line with VNeID's answer; true when its state changed. */
  private async apply(row: CheckedRow, remote: RemoteStatus): Promise<boolean> {
    let update: { sql: string; params: unknown[] } | null = null;
    if (remote.status === 'accepted' && row.state !== 'confirmed') {
      update = {
        sql: `state = 'confirmed', remote_id = $3, last_error = NULL, decided_at = now(), sent_at = COALESCE(sent_at, now())`,
        params: [remote.remoteId],
      };
    } else if (remote.status === 'rejected' && row.state !== 'rejected') {
      update = {
        sql: `state = 'rejected', remote_id = $3, rejection_reason = $4, rejection_fields = $5::jsonb, decided_at = now()`,
        params: [remote.remoteId, remote.reason, JSON.stringify(remote.fields)],
      };
    } else if (remote.status === 'unknown' && row.state === 'confirmed') {
      update = {
        sql: `state = 'pending', attempts = 0, next_attempt_at = now(), decided_at = NULL,
              last_error = 'VNeID no longer knew this attestation; sending it again'`,
        params: [],
      };
    }
    const [, changed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE certificate_attestations SET reconciled_at = now()${update ? `, ${update.sql}` : ''}
        WHERE certificate_id = $1 AND state = $2 AND (lease_until IS NULL OR lease_until < now())`,
      [row.certificateId, row.state, ...(update?.params ?? [])],
    );
    return update !== null && changed === 1;
  }

  private async queueMissing(limit: number): Promise<number> {
    const missing = await this.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM certificates c JOIN users u ON u.id = c.user_id
        WHERE u.identity_level = 2 AND c.revoked_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM certificate_attestations a WHERE a.certificate_id = c.id)
        ORDER BY c.issued_at LIMIT $1`,
      [limit],
    );
    for (const { id } of missing)
      await this.dataSource.transaction((manager) => queueAttestation(manager, id));
    return missing.length;
  }
}

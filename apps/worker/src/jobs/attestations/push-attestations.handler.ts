import { AttestationAdapter, AttestationError, CompletionRecord, SubmitOutcome } from '@hocvu/attestation';
import { JobName, JobPayloads } from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { WorkerConfig } from '../../config/worker-config';
import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { ATTESTATION_ADAPTER } from './attestation.providers';
import { retryDelayMs } from './backoff';
import { CircuitBreaker } from './circuit-breaker';
import { attestationCourseCode } from './course-code';

/** A run drains due rows for at most this long; the scheduler starts the next run every 10 s. */
const RUN_BUDGET_MS = 50_000;
/** A run waits for rows due this soon (short backoffs) instead of ending and leaving them to the next run. */
const MAX_IDLE_WAIT_MS = 2_000;

interface LeasedRow {
  certificateId: string;
  idempotencyKey: string;
  /** Our lease (`lease_until` as PostgreSQL wrote it): every later update of the row must still see it. */
  lease: string;
  serial: string;
  learnerName: string;
  title: string;
  /** The course or programme code and the issuer's name as signed into the certificate's credential. */
  humanCode: string | null;
  issuerName: string | null;
  completedAt: Date;
  citizenIdEnc: string | null;
  birthDateEnc: string | null;
}

export interface PushRunSummary {
  confirmed: number;
  rejected: number;
  retried: number;
  deadLettered: number;
  /** Rows handed back unsent because the breaker opened or the service asked for a pause. */
  released: number;
  breaker: 'closed' | 'open' | 'half-open';
}

/**
 * Sends due attestations to VNeID. The queue is the `certificate_attestations` table, so a Redis restart
 * loses nothing and admins see every row's state; this job only drains it.
 *
 * Each round leases due rows (`FOR UPDATE SKIP LOCKED`, then `lease_until`), so several workers share the
 * work and a killed worker's rows come due again when its lease lapses. A row is marked `sent` (and its
 * attempt counted) before the call: after a crash we may not know whether VNeID got it, and sending it
 * again under the same idempotency key is safe — VNeID answers `duplicate`, which confirms it.
 *
 * Outcomes: accepted/duplicate → confirmed; rejected → rejected (final); a retryable failure → due again
 * after an exponential backoff with jitter, never before Retry-After; out of tries or a permanent failure
 * → failed (the dead letter admins retry). The circuit breaker stops calls during an outage; a failed
 * half-open probe does not count against its row.
 *
 * A lease is renewed when its row's call starts, and every update of a row requires the lease it was
 * leased (or renewed) with: a batch that outlasts its lease is not sent again by the run that leased its
 * lapsed rows meanwhile, and a late answer never overwrites what that run decided.
 */
@Injectable()
@HandlesJob(JobName.PushAttestations)
export class PushAttestationsHandler
  implements JobHandler<typeof JobName.PushAttestations>, BeforeApplicationShutdown
{
  private readonly logger = new Logger(PushAttestationsHandler.name);
  /** Set on shutdown: runs stop taking rows, so the worker stops within a call's time, not a run's budget. */
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: WorkerConfig,
    private readonly cipher: FieldCipher,
    private readonly breaker: CircuitBreaker,
    @Inject(ATTESTATION_ADAPTER) private readonly adapter: AttestationAdapter | null,
  ) {}

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async handle(payload: JobPayloads[typeof JobName.PushAttestations]): Promise<PushRunSummary> {
    const summary: PushRunSummary = {
      confirmed: 0,
      rejected: 0,
      retried: 0,
      deadLettered: 0,
      released: 0,
      breaker: this.breaker.state,
    };
    if (!this.adapter) return summary;
    const adapter = this.adapter;
    const deadline = Date.now() + RUN_BUDGET_MS;
    while (Date.now() < deadline && !this.stopping) {
      const permits = this.breaker.permits();
      if (permits === 0) {
        const wait = this.breaker.blockedUntil - Date.now();
        if (wait > 0 && wait <= MAX_IDLE_WAIT_MS && Date.now() + wait < deadline) {
          await sleep(wait);
          continue;
        }
        break;
      }
      const rows = await this.lease(Math.min(payload.batchSize, permits));
      if (rows.length === 0) {
        const wait = await this.msUntilNextDue();
        if (wait !== null && wait <= MAX_IDLE_WAIT_MS && Date.now() + wait < deadline) {
          await sleep(Math.max(wait, 10));
          continue;
        }
        break;
      }
      await this.pushAll(adapter, rows, summary);
    }
    summary.breaker = this.breaker.state;
    const { confirmed, rejected, retried, deadLettered, released } = summary;
    if (confirmed + rejected + retried + deadLettered + released > 0) {
      this.logger.log(
        `Attestations: ${confirmed} confirmed, ${rejected} rejected, ${retried} to retry, ${deadLettered} dead letters, ${released} released (breaker ${summary.breaker})`,
      );
    }
    return summary;
  }

  /** Runs the leased rows with bounded concurrency; rows not started when calls must stop are released. */
  private async pushAll(
    adapter: AttestationAdapter,
    rows: LeasedRow[],
    summary: PushRunSummary,
  ): Promise<void> {
    let next = 0;
    const lanes = Array.from(
      { length: Math.min(this.config.ATTESTATION_CONCURRENCY, rows.length) },
      async () => {
        while (next < rows.length) {
          const row = rows[next];
          next += 1;
          await this.pushOne(adapter, row, summary);
        }
      },
    );
    await Promise.all(lanes);
  }

  private async pushOne(adapter: AttestationAdapter, row: LeasedRow, summary: PushRunSummary): Promise<void> {
    let record: CompletionRecord;
    try {
      record = this.record(row);
    } catch (error) {
      if (await this.deadLetter(row, `Cannot build the record: ${(error as Error).message}`, false)) {
        summary.deadLettered += 1;
      }
      return;
    }
    // Taken synchronously, so lanes cannot both take the half-open probe.
    const permit = this.stopping ? null : this.breaker.acquire();
    if (permit === null) {
      if (await this.release(row)) summary.released += 1;
      return;
    }
    // Counted before the call: a crash after VNeID got the record must still show it was sent. Renews
    // the lease for the call, and only while it is still ours (else another run has the row now).
    const [claimed] = await this.dataSource.query<[{ lease: string; attempts: number }[], number]>(
      `UPDATE certificate_attestations
          SET state = 'sent', attempts = attempts + 1, sent_at = COALESCE(sent_at, now()),
              lease_until = now() + make_interval(secs => $3)
        WHERE certificate_id = $1 AND lease_until = $2::timestamptz AND state IN ('pending', 'sent')
       RETURNING lease_until::text AS lease, attempts`,
      [row.certificateId, row.lease, this.config.ATTESTATION_LEASE_SECONDS],
    );
    if (claimed.length === 0) {
      this.breaker.abandon(permit);
      this.logger.debug(`${row.idempotencyKey}: lease lost before the call, left to its new holder`);
      return;
    }
    const owned = { ...row, lease: claimed[0].lease };
    const attempts = claimed[0].attempts;
    const probe = permit === 'probe';
    let outcome: SubmitOutcome;
    try {
      outcome = await adapter.submit(record, row.idempotencyKey);
    } catch (caught) {
      const error =
        caught instanceof AttestationError
          ? caught
          : new AttestationError('UNEXPECTED_RESPONSE', true, String(caught));
      if (!error.retryable) {
        // Our configuration or the record is wrong: retrying repeats it. An admin retries after the fix.
        this.breaker.success();
        if (await this.deadLetter(owned, `${error.code}: ${error.message}`, true)) summary.deadLettered += 1;
        return;
      }
      this.breaker.failure();
      if (error.retryAfterMs !== undefined) this.breaker.pause(error.retryAfterMs);
      // A failed probe tested the service, not this row: its attempt is given back.
      const counted = probe ? attempts - 1 : attempts;
      const outcomeOfRetry = await this.scheduleRetry(owned, counted, error);
      if (outcomeOfRetry === 'dead') summary.deadLettered += 1;
      if (outcomeOfRetry === 'retry') summary.retried += 1;
      return;
    }
    this.breaker.success();
    if (outcome.status === 'rejected') {
      const [, changed] = await this.dataSource.query<[unknown, number]>(
        `UPDATE certificate_attestations
            SET state = 'rejected', remote_id = $3, rejection_reason = $4, rejection_fields = $5::jsonb,
                last_error = $6, decided_at = now(), lease_until = NULL
          WHERE certificate_id = $1 AND lease_until = $2::timestamptz`,
        [
          row.certificateId,
          owned.lease,
          outcome.remoteId,
          outcome.reason,
          JSON.stringify(outcome.fields),
          outcome.message,
        ],
      );
      if (changed === 1) summary.rejected += 1;
      return;
    }
    const [, changed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE certificate_attestations
          SET state = 'confirmed', remote_id = $3, last_error = NULL, decided_at = now(), lease_until = NULL
        WHERE certificate_id = $1 AND lease_until = $2::timestamptz`,
      [row.certificateId, owned.lease, outcome.remoteId],
    );
    if (changed === 1) summary.confirmed += 1;
  }

  /** Leases due rows: pending, or sent and due for a retry, whose lease (if any) has lapsed. */
  private async lease(limit: number): Promise<LeasedRow[]> {
    const [rows] = await this.dataSource.query<[LeasedRow[], number]>(
      `WITH due AS (
         SELECT certificate_id FROM certificate_attestations
          WHERE state IN ('pending', 'sent') AND next_attempt_at <= now()
            AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_attempt_at
          LIMIT $1
            FOR UPDATE SKIP LOCKED
       )
       UPDATE certificate_attestations a
          SET lease_until = now() + make_interval(secs => $2)
         FROM due, certificates c
         JOIN users u ON u.id = c.user_id
         LEFT JOIN courses co ON co.id = c.course_id
         LEFT JOIN skill_programmes p ON p.id = c.skill_programme_id
        WHERE a.certificate_id = due.certificate_id AND c.id = a.certificate_id
       RETURNING a.certificate_id AS "certificateId", a.idempotency_key AS "idempotencyKey",
                 a.lease_until::text AS lease, c.serial, c.learner_name AS "learnerName", c.title,
                 COALESCE(c.credential->'credentialSubject'->'achievement'->>'humanCode', co.slug, p.code)
                   AS "humanCode",
                 c.credential->'issuer'->>'name' AS "issuerName",
                 c.completed_at AS "completedAt", u.citizen_id_enc AS "citizenIdEnc", u.birth_date_enc AS "birthDateEnc"`,
      [limit, this.config.ATTESTATION_LEASE_SECONDS],
    );
    return rows;
  }

  private record(row: LeasedRow): CompletionRecord {
    if (!row.citizenIdEnc) throw new Error('the learner has no citizen id (VNeID link removed?)');
    if (!row.birthDateEnc) throw new Error('the learner has no birth date from VNeID');
    return {
      citizenId: this.cipher.decrypt(row.citizenIdEnc),
      fullName: row.learnerName,
      birthDate: this.cipher.decrypt(row.birthDateEnc),
      // As the certificate was issued, not as configured now: a retry must send the very record VNeID
      // may already hold (a changed field is a 409 conflict, a dead letter).
      courseCode: attestationCourseCode(row.humanCode ?? row.serial),
      courseTitle: fit(row.title, 200),
      completedAt: row.completedAt.toISOString(),
      certificateSerial: row.serial,
      issuer: row.issuerName ?? this.config.CERTIFICATE_ISSUER_NAME,
    };
  }

  /** Due again after a backoff, or a dead letter when out of tries; null when the lease was lost. */
  private async scheduleRetry(
    row: LeasedRow,
    attempts: number,
    error: AttestationError,
  ): Promise<'retry' | 'dead' | null> {
    const message = `${error.code}: ${error.message}`.slice(0, 1000);
    if (attempts >= this.config.ATTESTATION_MAX_ATTEMPTS) {
      return (await this.deadLetter(row, message, false, attempts)) ? 'dead' : null;
    }
    const delay = retryDelayMs(attempts, {
      baseMs: this.config.ATTESTATION_BACKOFF_BASE_MS,
      maxMs: this.config.ATTESTATION_BACKOFF_MAX_MS,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    });
    const [, changed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE certificate_attestations
          SET attempts = $3, next_attempt_at = now() + make_interval(secs => $4::float8 / 1000),
              last_error = $5, lease_until = NULL
        WHERE certificate_id = $1 AND lease_until = $2::timestamptz`,
      [row.certificateId, row.lease, attempts, delay, message],
    );
    return changed === 1 ? 'retry' : null;
  }

  /** The dead letter: kept `sent`-or-not history, shown to admins, sent again only by an admin's retry. */
  private async deadLetter(
    row: LeasedRow,
    message: string,
    wasSent: boolean,
    attempts?: number,
  ): Promise<boolean> {
    const [, changed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE certificate_attestations
          SET state = 'failed', last_error = $3, lease_until = NULL, decided_at = now(),
              attempts = COALESCE($5::int, attempts),
              sent_at = CASE WHEN $4 THEN COALESCE(sent_at, now()) ELSE sent_at END
        WHERE certificate_id = $1 AND lease_until = $2::timestamptz`,
      [row.certificateId, row.lease, message.slice(0, 1000), wasSent, attempts ?? null],
    );
    return changed === 1;
  }

  private async release(row: LeasedRow): Promise<boolean> {
    const [, changed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE certificate_attestations SET lease_until = NULL WHERE certificate_id = $1 AND lease_until = $2::timestamptz`,
      [row.certificateId, row.lease],
    );
    return changed === 1;
  }

  private async msUntilNextDue(): Promise<number | null> {
    const [row] = await this.dataSource.query<{ ms: number | null }[]>(
      `SELECT extract(epoch FROM (min(next_attempt_at) - now())) * 1000 AS ms
         FROM certificate_attestations
        WHERE state IN ('pending', 'sent') AND (lease_until IS NULL OR lease_until < now())`,
    );
    return row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
  }
}

/** At most `max` characters (VNeID's limits), cut at the end with an ellipsis. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import type { CompletionRecord } from './completion-record';

/** Why the attestation service refused a record. Final for its idempotency key. */
export const RejectionReason = {
  /** No citizen with this citizen id. */
  UnknownCitizen: 'unknown_citizen',
  /** The citizen exists but the name or birth date differs from the identity record (see `fields`). */
  DataMismatch: 'data_mismatch',
} as const;
export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];

/**
 * What became of a submitted record. `accepted` and `duplicate` both mean "VNeID has it" — a duplicate
 * is the answer to a retry of a record the service had already accepted (the first answer was lost).
 */
export type SubmitOutcome =
  | { status: 'accepted'; remoteId: string }
  | { status: 'duplicate'; remoteId: string }
  | {
      status: 'rejected';
      remoteId: string | null;
      /** A `RejectionReason`, or a reason a real service adds later (kept as sent). */
      reason: string;
      message: string;
      /** For `data_mismatch`: which record fields differ (`fullName`, `birthDate`). */
      fields: string[];
    };

/** What the service knows about an idempotency key. */
export type RemoteStatus =
  | { status: 'accepted'; remoteId: string; receivedAt: string }
  | {
      status: 'rejected';
      remoteId: string;
      receivedAt: string;
      reason: string;
      fields: string[];
    }
  | { status: 'unknown' };

/**
 * The VNeID attestation service as Hocvu's worker sees it. One idempotency key per certificate: sending
 * the same record again with the same key is always safe and never attests twice. Failures that produced
 * no outcome throw `AttestationError` (retryable or permanent).
 */
export interface AttestationAdapter {
  submit(record: CompletionRecord, idempotencyKey: string): Promise<SubmitOutcome>;
  status(idempotencyKey: string): Promise<RemoteStatus>;
}

/** Idempotency keys: 1–200 of `A–Z a–z 0–9 . _ : ~ @ -` (e.g. `certificate:<uuid>`), safe in a URL path. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:~@-]{1,200}$/;

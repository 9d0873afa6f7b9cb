/**
 * Why an attestation call failed. A rejection of the record itself (unknown citizen, data mismatch) is
 * not an error but an outcome (`SubmitOutcome`); these are the failures where no outcome was learnt.
 */
export const AttestationErrorCode = {
  /** No answer within `timeoutMs`: the record may or may not have arrived; retry with the same key. */
  Timeout: 'TIMEOUT',
  /** Connection refused, reset or DNS failure. */
  Network: 'NETWORK',
  /** 429: too many requests; wait `retryAfterMs` when given. */
  RateLimited: 'RATE_LIMITED',
  /** 503: down or in maintenance; wait `retryAfterMs` when given. */
  Unavailable: 'UNAVAILABLE',
  /** 500, 502, 504: the service failed, possibly after storing the record. */
  ServerError: 'SERVER_ERROR',
  /** 401/403: the service does not accept our signature or credentials (wrong key, key not registered). */
  NotTrusted: 'NOT_TRUSTED',
  /** 409: this idempotency key was already used for a different record. */
  IdempotencyConflict: 'IDEMPOTENCY_CONFLICT',
  /** The record fails the contract's rules (caught before sending, or a 400 from the service). */
  InvalidRecord: 'INVALID_RECORD',
  /** Any other answer the contract does not describe. */
  UnexpectedResponse: 'UNEXPECTED_RESPONSE',
} as const;
export type AttestationErrorCode = (typeof AttestationErrorCode)[keyof typeof AttestationErrorCode];

export interface AttestationErrorDetails {
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
  /** From the service's Retry-After header (429/503, sometimes 500). */
  retryAfterMs?: number;
  /** The `code` of the service's error body, when it sent one (e.g. MAINTENANCE, INVALID_SIGNATURE). */
  remoteCode?: string;
  cause?: unknown;
}

/**
 * Thrown by an `AttestationAdapter` when a call produced no outcome. `retryable` is the one thing a
 * job handler must look at: retry (honouring `retryAfterMs`) with the same idempotency key, or give up
 * and record the failure — retrying a permanent error only repeats it.
 */
export class AttestationError extends Error {
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  readonly remoteCode?: string;

  constructor(
    readonly code: AttestationErrorCode,
    readonly retryable: boolean,
    message: string,
    details: AttestationErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AttestationError';
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.remoteCode !== undefined) this.remoteCode = details.remoteCode;
  }
}

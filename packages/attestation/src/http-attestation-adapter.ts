import {
  type AttestationAdapter,
  IDEMPOTENCY_KEY_PATTERN,
  type RemoteStatus,
  type SubmitOutcome,
} from './adapter';
import { type CompletionRecord, completionRecordProblems } from './completion-record';
import { AttestationError, AttestationErrorCode } from './errors';
import { parseRetryAfter } from './retry-after';
import {
  attestationKeyId,
  type AttestationSigningKey,
  type Ed25519Jwk,
  importAttestationSigningKey,
  signCompletionRecord,
} from './signing';

export interface HttpAttestationAdapterOptions {
  /** Base URL of the attestation API; `/attestations` is appended (e.g. `http://127.0.0.1:3400`). */
  baseUrl: string;
  /** Hocvu's private Ed25519 JWK. Its public half must be registered with the service. */
  signingKey: Ed25519Jwk;
  /** `kid` header; defaults to the signing key's `kid`, else its RFC 7638 thumbprint. */
  keyId?: string;
  /** Give up on a call after this long (default 10 s); the call then fails as a retryable TIMEOUT. */
  timeoutMs?: number;
  /** Sent with every request, e.g. an API key or bearer token a real endpoint requires. */
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  retryAfterMs?: number;
}

/**
 * The attestation contract of docs/vneid-adapter.md over HTTP: the record signed as a compact JWS
 * (EdDSA), one POST per attempt with the caller's idempotency key, every failure classified as
 * retryable or permanent. It holds no state between calls, so one instance serves every job.
 */
export class HttpAttestationAdapter implements AttestationAdapter {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private signer?: Promise<{ key: AttestationSigningKey; keyId: string }>;

  constructor(private readonly options: HttpAttestationAdapterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async submit(record: CompletionRecord, idempotencyKey: string): Promise<SubmitOutcome> {
    assertIdempotencyKey(idempotencyKey);
    const problems = completionRecordProblems(record);
    if (problems.length > 0) {
      throw new AttestationError(
        AttestationErrorCode.InvalidRecord,
        false,
        `The completion record is invalid: ${problems.join('; ')}`,
      );
    }
    const { key, keyId } = await this.loadSigner();
    const jws = await signCompletionRecord(record, key, keyId);
    const answer = await this.call('POST', '/attestations', idempotencyKey, { jws });
    const body = answer.body ?? {};
    const remoteId = typeof body['id'] === 'string' ? body['id'] : null;

    if (answer.status >= 200 && answer.status < 300) {
      if ((body['status'] === 'accepted' || body['status'] === 'duplicate') && remoteId !== null) {
        return { status: body['status'], remoteId };
      }
      // A 2xx we cannot read: the record may be stored, so retrying (same key) is the safe answer.
      throw unexpected(answer, true);
    }
    if (answer.status === 422 && body['status'] === 'rejected') {
      return {
        status: 'rejected',
        remoteId,
        reason: typeof body['reason'] === 'string' ? body['reason'] : 'unspecified',
        message:
          typeof body['message'] === 'string' ? body['message'] : 'Rejected by the attestation service',
        fields: stringList(body['fields']),
      };
    }
    throw failure(answer);
  }

  async status(idempotencyKey: string): Promise<RemoteStatus> {
    assertIdempotencyKey(idempotencyKey);
    const answer = await this.call('GET', `/attestations/${encodeURIComponent(idempotencyKey)}`, undefined);
    const body = answer.body ?? {};
    if (answer.status === 404) return { status: 'unknown' };
    if (answer.status === 200 && typeof body['id'] === 'string' && typeof body['receivedAt'] === 'string') {
      if (body['status'] === 'accepted') {
        return { status: 'accepted', remoteId: body['id'], receivedAt: body['receivedAt'] };
      }
      if (body['status'] === 'rejected') {
        return {
          status: 'rejected',
          remoteId: body['id'],
          receivedAt: body['receivedAt'],
          reason: typeof body['reason'] === 'string' ? body['reason'] : 'unspecified',
          fields: stringList(body['fields']),
        };
      }
    }
    throw answer.status === 200 ? unexpected(answer, true) : failure(answer);
  }

  /** Imported once and reused; a bad key fails every call the same (permanent) way. */
  private loadSigner(): Promise<{ key: AttestationSigningKey; keyId: string }> {
    this.signer ??= (async () => {
      const { signingKey } = this.options;
      const key = await importAttestationSigningKey(signingKey);
      const keyId = this.options.keyId ?? signingKey.kid ?? (await attestationKeyId(signingKey));
      return { key, keyId };
    })().catch((error: unknown) => {
      throw new AttestationError(
        AttestationErrorCode.NotTrusted,
        false,
        `The attestation signing key cannot be used: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    return this.signer;
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    idempotencyKey: string | undefined,
    body?: unknown,
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    let text: string;
    try {
      // One signal for the whole exchange: a service that sends headers and then stalls the body is
      // as stuck as one that never answers.
      const signal = AbortSignal.timeout(this.timeoutMs);
      response = await fetch(url, {
        method,
        headers,
        signal,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      text = await response.text();
    } catch (error) {
      const name = errorField(error, 'name');
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new AttestationError(
          AttestationErrorCode.Timeout,
          true,
          `${method} ${url}: no answer within ${this.timeoutMs} ms`,
          { cause: error },
        );
      }
      throw new AttestationError(
        AttestationErrorCode.Network,
        true,
        `${method} ${url}: ${networkMessage(error)}`,
        { cause: error },
      );
    }
    const answer: Answer = { status: response.status, body: parseJsonObject(text) };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (retryAfterMs !== undefined) answer.retryAfterMs = retryAfterMs;
    return answer;
  }
}

function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new AttestationError(
      AttestationErrorCode.InvalidRecord,
      false,
      `Invalid idempotency key ${JSON.stringify(key.slice(0, 40))}: 1–200 of A–Z a–z 0–9 . _ : ~ @ -`,
    );
  }
}

/** The error for an answer that carries no outcome, classified by its status. */
function failure(answer: Answer): AttestationError {
  const remoteCode = typeof answer.body?.['code'] === 'string' ? answer.body['code'] : undefined;
  const remoteMessage = typeof answer.body?.['message'] === 'string' ? answer.body['message'] : undefined;
  const details = {
    httpStatus: answer.status,
    ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }),
    ...(remoteCode === undefined ? {} : { remoteCode }),
  };
  const said = (fallback: string) =>
    `${fallback} (HTTP ${answer.status}${remoteCode ? ` ${remoteCode}` : ''}${remoteMessage ? `: ${remoteMessage}` : ''})`;
  const { status } = answer;
  if (status === 429) {
    return new AttestationError(AttestationErrorCode.RateLimited, true, said('Rate limited'), details);
  }
  if (status === 503) {
    return new AttestationError(AttestationErrorCode.Unavailable, true, said('Service unavailable'), details);
  }
  if (status === 408) {
    return new AttestationError(AttestationErrorCode.Timeout, true, said('Request timed out'), details);
  }
  if (status >= 500) {
    return new AttestationError(AttestationErrorCode.ServerError, true, said('Service error'), details);
  }
  if (status === 401 || status === 403) {
    return new AttestationError(
      AttestationErrorCode.NotTrusted,
      false,
      said('Signature not accepted'),
      details,
    );
  }
  if (status === 409) {
    return new AttestationError(
      AttestationErrorCode.IdempotencyConflict,
      false,
      said('Idempotency key already used for a different record'),
      details,
    );
  }
  if (status === 400 || status === 422) {
    return new AttestationError(AttestationErrorCode.InvalidRecord, false, said('Request refused'), details);
  }
  return unexpected(answer, false);
}

function unexpected(answer: Answer, retryable: boolean): AttestationError {
  return new AttestationError(
    AttestationErrorCode.UnexpectedResponse,
    retryable,
    `Unexpected answer from the attestation service (HTTP ${answer.status})`,
    {
      httpStatus: answer.status,
      ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }),
    },
  );
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

// Read by name, not `instanceof`: fetch's errors come from Node's own realm, whose Error is not the
// Error of a test sandbox (Jest) or of another bundle.
function errorField(value: unknown, field: 'name' | 'message' | 'code' | 'cause'): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[field] : undefined;
}

/** fetch() reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND…) in its cause. */
function networkMessage(error: unknown): string {
  const message = errorField(error, 'message');
  if (typeof message !== 'string') return String(error);
  const cause = errorField(error, 'cause');
  const code = errorField(cause, 'code');
  const detail = typeof code === 'string' ? code : errorField(cause, 'message');
  return typeof detail === 'string' && detail !== '' ? `${message} (${detail})` : message;
}

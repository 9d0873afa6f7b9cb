import {
  canonicalCompletionRecord,
  type CompletionRecord,
  completionRecordProblems,
  IDEMPOTENCY_KEY_PATTERN,
} from '@hocvu/attestation';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';

import type { CitizenRegistry } from '../citizens/citizen-registry';
import type { FaultDecision, FaultInjector } from '../faults/fault-injector';
import { sendError } from '../http/error-body';
import type { AttestationStore, StoredAttestation } from './attestation-store';
import { JwsRefused, type TrustedKeys } from './trusted-keys';

export interface AttestationRoutesOptions {
  store: AttestationStore;
  registry: CitizenRegistry;
  trustedKeys: TrustedKeys;
  faults: FaultInjector;
}

const REJECTION_MESSAGES = {
  unknown_citizen: 'Không tìm thấy công dân có số định danh này (no citizen with this citizen id)',
  data_mismatch: 'Thông tin không khớp với cơ sở dữ liệu dân cư (does not match the population register)',
} as const;

/**
 * The attestation API (docs/vneid-adapter.md): POST a signed completion record under an idempotency
 * key, GET what became of a key. Faults are injected here, around the real work, so a fault can also
 * strike after the record was stored — the lost answer that makes idempotency keys necessary.
 */
export function attestationRoutes(app: FastifyInstance, options: AttestationRoutesOptions): void {
  const { store, registry, trustedKeys, faults } = options;

  /** Maintenance, latency, then the dice; answers and returns null when a fault strikes before the work. */
  async function beforeWork(
    request: FastifyRequest,
    reply: FastifyReply,
    idempotencyKey: string | null,
  ): Promise<FaultDecision | null> {
    const maintenance = faults.maintenance();
    if (maintenance.active) {
      if (idempotencyKey) store.count(idempotencyKey, 'faults');
      reply.header('retry-after', String(maintenance.retryAfterSeconds));
      await sendError(reply, 503, 'MAINTENANCE', 'VNeID đang bảo trì (under maintenance)', {
        retryAfterSeconds: maintenance.retryAfterSeconds,
      });
      return null;
    }
    const { latencyMs, retryAfterSeconds } = faults.settings;
    if (latencyMs > 0) await sleep(latencyMs);
    const decision = faults.decide();
    if (decision.kind === 'none' || ('afterCommit' in decision && decision.afterCommit)) return decision;
    if (idempotencyKey) store.count(idempotencyKey, 'faults');
    await strike(decision, request, reply, retryAfterSeconds);
    return null;
  }

  async function strike(
    decision: Exclude<FaultDecision, { kind: 'none' }>,
    request: FastifyRequest,
    reply: FastifyReply,
    retryAfterSeconds: number,
  ): Promise<void> {
    request.log.info({ fault: decision.kind, url: request.url }, 'injected fault');
    switch (decision.kind) {
      case 'rate_limit':
        reply.header('retry-after', String(retryAfterSeconds));
        await sendError(reply, 429, 'RATE_LIMITED', 'Quá nhiều yêu cầu (too many requests)', {
          retryAfterSeconds,
        });
        return;
      case 'error':
        await (decision.status === 500
          ? sendError(reply, 500, 'INTERNAL_ERROR', 'Lỗi hệ thống (simulated server error)')
          : sendError(reply, 503, 'UNAVAILABLE', 'Dịch vụ tạm thời không khả dụng (simulated outage)'));
        return;
      case 'timeout':
        // Say nothing until the client gives up: Fastify must not answer for us.
        reply.hijack();
        await faults.hang(reply.raw);
        return;
    }
  }

  app.post('/attestations', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : null;
    if (idempotencyKey === null || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      return sendError(
        reply,
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header: 1–200 of A–Z a–z 0–9 . _ : ~ @ -',
      );
    }
    store.count(idempotencyKey, 'received');
    const decision = await beforeWork(request, reply, idempotencyKey);
    if (decision === null) return reply;

    const jws = (request.body as { jws?: unknown } | undefined)?.jws;
    if (typeof jws !== 'string' || jws.length > 16_384) {
      return sendError(reply, 400, 'INVALID_REQUEST', 'The body must be { "jws": "<compact JWS>" }');
    }
    let record: CompletionRecord;
    let keyId: string | null;
    try {
      const verified = await trustedKeys.verify(jws);
      keyId = typeof verified.header.kid === 'string' ? verified.header.kid : null;
      record = parseRecord(verified.payload);
    } catch (error) {
      if (error instanceof JwsRefused) return sendError(reply, error.status, error.code, error.message);
      if (error instanceof RecordRefused) {
        return sendError(reply, 400, 'INVALID_RECORD', error.message, { problems: error.problems });
      }
      throw error;
    }

    // From here to the insert nothing awaits: two concurrent retries of one key cannot both insert.
    const existing = store.find(idempotencyKey);
    let stored: StoredAttestation;
    let duplicate = false;
    if (existing) {
      if (JSON.stringify(existing.record) !== JSON.stringify(record)) {
        store.count(idempotencyKey, 'conflicts');
        return sendError(
          reply,
          409,
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was used for a different record',
          { id: existing.id },
        );
      }
      store.count(idempotencyKey, 'duplicates');
      stored = existing;
      duplicate = true;
    } else {
      const check = registry.check(record);
      stored = store.insert({
        idempotencyKey,
        status: check.ok ? 'accepted' : 'rejected',
        reason: check.ok ? null : check.reason,
        fields: !check.ok && check.reason === 'data_mismatch' ? check.fields : [],
        record,
        keyId,
      });
      request.log.info(
        { idempotencyKey, status: stored.status, reason: stored.reason },
        'attestation recorded',
      );
    }

    if (decision.kind === 'error' || decision.kind === 'timeout') {
      // The record is stored; the client will not hear about it.
      store.count(idempotencyKey, 'faults');
      await strike(decision, request, reply, faults.settings.retryAfterSeconds);
      return reply;
    }
    if (stored.status === 'rejected') {
      return sendError(
        reply,
        422,
        'ATTESTATION_REJECTED',
        REJECTION_MESSAGES[stored.reason ?? 'data_mismatch'],
        {
          id: stored.id,
          status: 'rejected',
          reason: stored.reason,
          fields: stored.fields,
          ...(duplicate ? { duplicate: true } : {}),
        },
      );
    }
    return reply
      .code(duplicate ? 200 : 202)
      .send({ id: stored.id, status: duplicate ? 'duplicate' : 'accepted', receivedAt: stored.receivedAt });
  });

  app.get<{ Params: { idempotencyKey: string } }>('/attestations/:idempotencyKey', async (request, reply) => {
    const decision = await beforeWork(request, reply, null);
    if (decision === null) return reply;
    if (decision.kind === 'error' || decision.kind === 'timeout') {
      await strike(decision, request, reply, faults.settings.retryAfterSeconds);
      return reply;
    }
    const stored = store.find(request.params.idempotencyKey);
    if (!stored) return sendError(reply, 404, 'ATTESTATION_NOT_FOUND', 'Nothing was received under this key');
    return {
      id: stored.id,
      idempotencyKey: stored.idempotencyKey,
      status: stored.status,
      ...(stored.status === 'rejected' ? { reason: stored.reason, fields: stored.fields } : {}),
      receivedAt: stored.receivedAt,
    };
  });
}

class RecordRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`The completion record is invalid: ${problems.join('; ')}`);
  }
}

/** The JWS payload as a completion record of the contract (docs/vneid-adapter.md), canonical form. */
function parseRecord(payload: Uint8Array): CompletionRecord {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw new RecordRefused(['the payload is not JSON']);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RecordRefused(['the payload is not a JSON object']);
  }
  const record = value as CompletionRecord;
  const problems = completionRecordProblems(record);
  if (problems.length > 0) throw new RecordRefused(problems);
  return canonicalCompletionRecord(record);
}

import {
  AttestationError,
  AttestationErrorCode,
  type AttestationKeyPair,
  type CompletionRecord,
  generateAttestationKeyPair,
  HttpAttestationAdapter,
  type SubmitOutcome,
} from '@hocvu/attestation';
import { VNEID_TEST_CITIZENS } from '@hocvu/attestation/testing';

import { localSimulatorOptions, type RunningSimulator, startSimulator } from '../simulator';

// The attestation contract end to end: Hocvu's HttpAttestationAdapter against the running simulator,
// over real HTTP, with faults injected by the simulator's admin API.

interface Inspection {
  records: { idempotencyKey: string; status: string; reason: string | null; record: CompletionRecord }[];
  keys: {
    idempotencyKey: string;
    received: number;
    recorded: number;
    duplicates: number;
    conflicts: number;
    faults: number;
  }[];
  totals: { records: number; accepted: number; rejected: number; requests: number };
}

describe('VNeID simulator: attestation API through HttpAttestationAdapter (real HTTP)', () => {
  let sim: RunningSimulator;
  let hocvu: AttestationKeyPair;
  let adapter: HttpAttestationAdapter;
  let serial = 0;
  const [thang, hoa] = VNEID_TEST_CITIZENS;
  if (!thang || !hoa) throw new Error('test citizens missing');

  const admin = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        'x-admin-token': sim.adminToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const setFaults = (faults: Record<string, unknown>) => admin('PUT', '/admin/faults', faults);
  const inspect = async () => (await (await admin('GET', '/admin/attestations')).json()) as Inspection;
  const countersOf = async (key: string) =>
    (await inspect()).keys.find((entry) => entry.idempotencyKey === key);

  /** A completion record for a seeded citizen, with a fresh certificate serial. */
  const recordFor = (citizen = thang, overrides: Partial<CompletionRecord> = {}): CompletionRecord => {
    serial += 1;
    return {
      citizenId: citizen.citizenId,
      fullName: citizen.fullName,
      birthDate: citizen.birthDate,
      courseCode: 'BDHVS-VNEID-01',
      courseTitle: 'Cài đặt và sử dụng ứng dụng VNeID',
      completedAt: '2026-10-10T09:30:00+07:00',
      certificateSerial: `DB-2026-${String(serial).padStart(6, '0')}`,
      issuer: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
      ...overrides,
    };
  };

  const failure = async (promise: Promise<unknown>): Promise<AttestationError> => {
    const error: unknown = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    if (!(error instanceof AttestationError))
      throw new Error(`expected an AttestationError, got ${String(error)}`);
    return error;
  };

  beforeAll(async () => {
    hocvu = await generateAttestationKeyPair();
    sim = await startSimulator(localSimulatorOptions({ trustedJwks: [hocvu.publicJwk] }));
    adapter = new HttpAttestationAdapter({ baseUrl: sim.url, signingKey: hocvu.privateJwk, timeoutMs: 2000 });
  });

  afterEach(() => admin('POST', '/admin/reset'));

  afterAll(() => sim.close());

  it('accepts a record that matches the population register', async () => {
    const record = recordFor();
    const outcome = await adapter.submit(record, 'certificate:a1');
    expect(outcome).toEqual({ status: 'accepted', remoteId: expect.stringMatching(/^att_/) });
    await expect(adapter.status('certificate:a1')).resolves.toEqual({
      status: 'accepted',
      remoteId: (outcome as { remoteId: string }).remoteId,
      receivedAt: expect.any(String),
    });
    const { records } = await inspect();
    expect(records).toEqual([
      expect.objectContaining({
        idempotencyKey: 'certificate:a1',
        status: 'accepted',
        record,
        keyId: hocvu.keyId,
      }),
    ]);
  });

  it('answers a repeat with the same key and record as a duplicate, recorded once', async () => {
    const record = recordFor();
    const first = await adapter.submit(record, 'certificate:a2');
    const again = await adapter.submit({ ...record }, 'certificate:a2');
    expect(again).toEqual({ status: 'duplicate', remoteId: (first as { remoteId: string }).remoteId });
    expect(await countersOf('certificate:a2')).toMatchObject({ received: 2, recorded: 1, duplicates: 1 });
    expect((await inspect()).totals.records).toBe(1);
  });

  it('refuses a reused key with a different record (409, permanent)', async () => {
    await adapter.submit(recordFor(), 'certificate:a3');
    const error = await failure(adapter.submit(recordFor(), 'certificate:a3'));
    expect(error).toMatchObject({
      code: AttestationErrorCode.IdempotencyConflict,
      retryable: false,
      httpStatus: 409,
      remoteCode: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await countersOf('certificate:a3')).toMatchObject({ recorded: 1, conflicts: 1 });
  });

  it('rejects an unknown citizen and a birth date that does not match, and keeps the rejection', async () => {
    const unknown = await adapter.submit(recordFor(thang, { citizenId: '011099999999' }), 'certificate:r1');
    expect(unknown).toMatchObject({ status: 'rejected', reason: 'unknown_citizen', fields: [] });

    const mismatch = await adapter.submit(recordFor(hoa, { birthDate: '1975-09-03' }), 'certificate:r2');
    expect(mismatch).toMatchObject<Partial<SubmitOutcome>>({
      status: 'rejected',
      reason: 'data_mismatch',
      fields: ['birthDate'],
    });
    await expect(adapter.status('certificate:r2')).resolves.toMatchObject({
      status: 'rejected',
      reason: 'data_mismatch',
      fields: ['birthDate'],
    });
    await expect(adapter.status('certificate:never-sent')).resolves.toEqual({ status: 'unknown' });
    expect((await inspect()).totals).toMatchObject({ records: 2, accepted: 0, rejected: 2 });
  });

  it('refuses a signature by a key it does not trust, as a permanent error', async () => {
    const stranger = await generateAttestationKeyPair();
    const unknownKey = new HttpAttestationAdapter({ baseUrl: sim.url, signingKey: stranger.privateJwk });
    expect(await failure(unknownKey.submit(recordFor(), 'certificate:s1'))).toMatchObject({
      code: AttestationErrorCode.NotTrusted,
      retryable: false,
      httpStatus: 401,
      remoteCode: 'UNKNOWN_KEY',
    });
    // Another key that claims Hocvu's key id: the signature itself does not verify.
    const impostor = new HttpAttestationAdapter({
      baseUrl: sim.url,
      signingKey: stranger.privateJwk,
      keyId: hocvu.keyId,
    });
    expect(await failure(impostor.submit(recordFor(), 'certificate:s2'))).toMatchObject({
      code: AttestationErrorCode.NotTrusted,
      retryable: false,
      remoteCode: 'INVALID_SIGNATURE',
    });
    expect((await inspect()).totals.records).toBe(0);
  });

  it('surfaces 429 Retry-After as retryAfterMs', async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const error = await failure(adapter.submit(recordFor(), 'certificate:f1'));
    expect(error).toMatchObject({
      code: AttestationErrorCode.RateLimited,
      retryable: true,
      httpStatus: 429,
      retryAfterMs: 7000,
    });
    expect(await countersOf('certificate:f1')).toMatchObject({ received: 1, recorded: 0, faults: 1 });
  });

  it('answers maintenance with a retryable 503 and Retry-After until it ends, then accepts', async () => {
    await setFaults({ maintenance: { until: new Date(Date.now() + 90_000).toISOString() } });
    const record = recordFor();
    const error = await failure(adapter.submit(record, 'certificate:m1'));
    expect(error).toMatchObject({
      code: AttestationErrorCode.Unavailable,
      retryable: true,
      remoteCode: 'MAINTENANCE',
    });
    expect(error.retryAfterMs).toBeGreaterThan(85_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
    expect(await failure(adapter.status('certificate:m1'))).toMatchObject({
      code: AttestationErrorCode.Unavailable,
    });

    await setFaults({});
    await expect(adapter.submit(record, 'certificate:m1')).resolves.toMatchObject({ status: 'accepted' });
  });

  it('hangs on a timeout fault until the client gives up: a retryable TIMEOUT', async () => {
    await setFaults({ timeoutRate: 1, afterCommitShare: 0 });
    const impatient = new HttpAttestationAdapter({
      baseUrl: sim.url,
      signingKey: hocvu.privateJwk,
      timeoutMs: 300,
    });
    const started = Date.now();
    const error = await failure(impatient.submit(recordFor(), 'certificate:t1'));
    expect(error).toMatchObject({ code: AttestationErrorCode.Timeout, retryable: true });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await countersOf('certificate:t1')).toMatchObject({ recorded: 0, faults: 1 });
  });

  it('keeps a record whose answer was lost: the retry with the same key is a duplicate', async () => {
    await setFaults({ errorRate: 1, afterCommitShare: 1 });
    const record = recordFor();
    const error = await failure(adapter.submit(record, 'certificate:l1'));
    expect(error.retryable).toBe(true);
    expect(await countersOf('certificate:l1')).toMatchObject({ recorded: 1, faults: 1 });

    await setFaults({});
    await expect(adapter.submit(record, 'certificate:l1')).resolves.toMatchObject({ status: 'duplicate' });
    expect(await countersOf('certificate:l1')).toMatchObject({ received: 2, recorded: 1, duplicates: 1 });
  });

  it('with 30 % errors, 50 certificates retried until confirmed are each recorded exactly once', async () => {
    const settings = await (await setFaults({ errorRate: 0.3, seed: 20261010 })).json();
    expect(settings).toMatchObject({ errorRate: 0.3, afterCommitShare: 0.5, seed: 20261010 });
    const citizens = VNEID_TEST_CITIZENS;
    let attempts = 0;
    for (let index = 0; index < 50; index += 1) {
      const citizen = citizens[index % citizens.length] ?? thang;
      const record = recordFor(citizen);
      const key = `certificate:bulk-${index}`;
      let outcome: SubmitOutcome | null = null;
      while (outcome === null) {
        attempts += 1;
        if (attempts > 500) throw new Error('no progress');
        try {
          outcome = await adapter.submit(record, key);
        } catch (error) {
          if (!(error instanceof AttestationError) || !error.retryable) throw error;
        }
      }
      expect(['accepted', 'duplicate']).toContain(outcome.status);
    }

    const { records, keys, totals } = await inspect();
    expect(totals).toMatchObject({ records: 50, accepted: 50, rejected: 0, requests: attempts });
    expect(new Set(records.map((record) => record.idempotencyKey)).size).toBe(50);
    for (const key of keys) expect(key.recorded).toBe(1);
    // The faults did happen, before and after storing: retries were needed and some met a stored record.
    const faults = keys.reduce((sum, key) => sum + key.faults, 0);
    const duplicates = keys.reduce((sum, key) => sum + key.duplicates, 0);
    expect(faults).toBeGreaterThan(5);
    expect(duplicates).toBeGreaterThan(0);
    expect(attempts).toBe(50 + faults);
  });

  it('speaks the contract at the HTTP level: key required, admin token required, faults validated', async () => {
    const noKey = await fetch(`${sim.url}/attestations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jws: 'a.b.c' }),
    });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toEqual({ code: 'IDEMPOTENCY_KEY_REQUIRED', message: expect.any(String) });

    const notJws = await fetch(`${sim.url}/attestations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'certificate:h1' },
      body: JSON.stringify({ jws: 'not-a-jws' }),
    });
    expect(notJws.status).toBe(400);
    expect(await notJws.json()).toMatchObject({ code: 'INVALID_JWS' });

    const brokenJson = await fetch(`${sim.url}/attestations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'certificate:h2' },
      body: '{"jws":',
    });
    expect(brokenJson.status).toBe(400);
    expect(await brokenJson.json()).toMatchObject({ code: 'INVALID_JSON' });

    const anonymous = await fetch(`${sim.url}/admin/attestations`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'ADMIN_TOKEN_REQUIRED' });

    const invalid = await fetch(`${sim.url}/admin/faults`, {
      method: 'PUT',
      headers: { 'x-admin-token': sim.adminToken, 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 0.8, timeoutRate: 0.5, maintenance: 'soon' }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      code: 'INVALID_FAULTS',
      problems: [
        'errorRate + rateLimitRate + timeoutRate: must be at most 1',
        'maintenance: must be true, false or { "until": "<ISO date-time>" }',
      ],
    });
  });
});

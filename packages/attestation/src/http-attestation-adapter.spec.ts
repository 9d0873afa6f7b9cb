import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CompletionRecord } from './completion-record';
import { AttestationError, AttestationErrorCode } from './errors';
import { HttpAttestationAdapter } from './http-attestation-adapter';
import { type AttestationKeyPair, generateAttestationKeyPair } from './signing';

// How the adapter reads each kind of answer, against a scripted HTTP server. The contract as the
// simulator implements it is tested end to end in apps/vneid-sim (attestation.int-spec.ts).

interface Scripted {
  status: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

const record: CompletionRecord = {
  citizenId: '011090023671',
  fullName: 'Giàng A Pao',
  birthDate: '1990-11-20',
  courseCode: 'BDHVS-AN-TOAN-01',
  courseTitle: 'An toàn trên mạng',
  completedAt: '2026-10-10T09:30:00+07:00',
  certificateSerial: 'DB-2026-000200',
  issuer: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
};

describe('HttpAttestationAdapter (answer classification)', () => {
  let server: Server;
  let baseUrl: string;
  let keys: AttestationKeyPair;
  let next: Scripted | 'hang';
  let seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[];

  beforeAll(async () => {
    keys = await generateAttestationKeyPair();
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (next === 'hang') return;
        res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
        res.end(next.raw ?? JSON.stringify(next.body ?? {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  beforeEach(() => {
    seen = [];
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const adapter = (timeoutMs = 2000) =>
    new HttpAttestationAdapter({
      baseUrl,
      signingKey: keys.privateJwk,
      timeoutMs,
      headers: { 'x-api-key': 'k' },
    });

  const submitError = async (answer: Scripted | 'hang', timeoutMs?: number): Promise<AttestationError> => {
    next = answer;
    const error: unknown = await adapter(timeoutMs)
      .submit(record, 'certificate:1')
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    if (!(error instanceof AttestationError))
      throw new Error(`expected an AttestationError, got ${String(error)}`);
    return error;
  };

  it('posts the signed record with the idempotency key and the configured headers', async () => {
    next = { status: 202, body: { id: 'att_1', status: 'accepted' } };
    await expect(adapter().submit(record, 'certificate:1')).resolves.toEqual({
      status: 'accepted',
      remoteId: 'att_1',
    });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/attestations');
    expect(request?.headers['idempotency-key']).toBe('certificate:1');
    expect(request?.headers['x-api-key']).toBe('k');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      jws: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
  });

  it('reads duplicate and rejected outcomes', async () => {
    next = { status: 200, body: { id: 'att_1', status: 'duplicate' } };
    await expect(adapter().submit(record, 'k')).resolves.toEqual({ status: 'duplicate', remoteId: 'att_1' });
    next = {
      status: 422,
      body: { id: 'att_2', status: 'rejected', reason: 'data_mismatch', fields: ['birthDate'], message: 'x' },
    };
    await expect(adapter().submit(record, 'k')).resolves.toEqual({
      status: 'rejected',
      remoteId: 'att_2',
      reason: 'data_mismatch',
      fields: ['birthDate'],
      message: 'x',
    });
  });

  it.each([
    [{ status: 429, headers: { 'retry-after': '7' } }, AttestationErrorCode.RateLimited, true, 7000],
    [
      { status: 503, body: { code: 'MAINTENANCE' }, headers: { 'retry-after': '60' } },
      AttestationErrorCode.Unavailable,
      true,
      60_000,
    ],
    [{ status: 500 }, AttestationErrorCode.ServerError, true, undefined],
    [{ status: 502, raw: '<html>bad gateway</html>' }, AttestationErrorCode.ServerError, true, undefined],
    [{ status: 408 }, AttestationErrorCode.Timeout, true, undefined],
    [{ status: 202, raw: 'not json' }, AttestationErrorCode.UnexpectedResponse, true, undefined],
    [{ status: 401, body: { code: 'INVALID_SIGNATURE' } }, AttestationErrorCode.NotTrusted, false, undefined],
    [{ status: 403 }, AttestationErrorCode.NotTrusted, false, undefined],
    [{ status: 409 }, AttestationErrorCode.IdempotencyConflict, false, undefined],
    [{ status: 400, body: { code: 'INVALID_RECORD' } }, AttestationErrorCode.InvalidRecord, false, undefined],
    [{ status: 404 }, AttestationErrorCode.UnexpectedResponse, false, undefined],
  ] as const)('classifies %p', async (answer, code, retryable, retryAfterMs) => {
    const error = await submitError(answer);
    expect(error).toMatchObject({ code, retryable, httpStatus: answer.status });
    expect(error.retryAfterMs).toBe(retryAfterMs);
  });

  it('keeps the service error code and message', async () => {
    const error = await submitError({ status: 503, body: { code: 'MAINTENANCE', message: 'Bảo trì' } });
    expect(error.remoteCode).toBe('MAINTENANCE');
    expect(error.message).toContain('MAINTENANCE: Bảo trì');
  });

  it('gives up after timeoutMs with a retryable TIMEOUT', async () => {
    const started = Date.now();
    const error = await submitError('hang', 200);
    expect(error).toMatchObject({ code: AttestationErrorCode.Timeout, retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection as a retryable NETWORK error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error: unknown = await new HttpAttestationAdapter({
      baseUrl: `http://127.0.0.1:${port}`,
      signingKey: keys.privateJwk,
    })
      .submit(record, 'k')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: AttestationErrorCode.Network, retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('refuses an invalid record or key before any request', async () => {
    await expect(adapter().submit({ ...record, citizenId: '123' }, 'k')).rejects.toMatchObject({
      code: AttestationErrorCode.InvalidRecord,
      retryable: false,
    });
    await expect(adapter().submit(record, 'has space')).rejects.toMatchObject({
      code: AttestationErrorCode.InvalidRecord,
    });
    await expect(
      new HttpAttestationAdapter({ baseUrl, signingKey: keys.publicJwk }).submit(record, 'k'),
    ).rejects.toMatchObject({ code: AttestationErrorCode.NotTrusted, retryable: false });
    expect(seen).toEqual([]);
  });

  it('reads status answers', async () => {
    next = { status: 404, body: { code: 'ATTESTATION_NOT_FOUND' } };
    await expect(adapter().status('certificate:9')).resolves.toEqual({ status: 'unknown' });
    expect(seen[0]?.url).toBe('/attestations/certificate%3A9');
    next = { status: 200, body: { id: 'att_1', status: 'accepted', receivedAt: '2026-10-10T02:30:00.000Z' } };
    await expect(adapter().status('certificate:9')).resolves.toEqual({
      status: 'accepted',
      remoteId: 'att_1',
      receivedAt: '2026-10-10T02:30:00.000Z',
    });
    next = { status: 503, headers: { 'retry-after': '5' } };
    await expect(adapter().status('certificate:9')).rejects.toMatchObject({
      code: AttestationErrorCode.Unavailable,
      retryAfterMs: 5000,
    });
  });
});

import {
  signIn as signInAtVneid,
  type SimulatorProcess,
  startVneidSimulatorProcess,
  TestBrowser,
  VNEID_TEST_CITIZENS,
  VNEID_TEST_PASSWORD,
} from '@hocvu/attestation/testing';
import { ErrorCode, Role } from '@hocvu/contracts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { aSignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

const PUBLIC_URL = 'http://127.0.0.1:8080';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/vneid/callback`;

const citizen = (i: number) => {
  const found = VNEID_TEST_CITIZENS[i];
  if (!found) throw new Error(`no test citizen ${i}`);
  return found;
};

/** "Sign in with VNeID" against the simulator over real HTTP: the API, the provider and its pages. */
describe('VNeID sign-in and linking (integration, real OpenID Connect provider)', () => {
  let sim: SimulatorProcess;
  let t: TestApp;

  beforeAll(async () => {
    sim = await startVneidSimulatorProcess({
      env: { VNEID_SIM_REDIRECT_URIS: REDIRECT_URI, VNEID_SIM_CLIENT_SECRET: 'test-vneid-secret' },
    });
    t = await createTestApp({
      PUBLIC_URL,
      VNEID_ISSUER: sim.url,
      VNEID_CLIENT_SECRET: 'test-vneid-secret',
    });
  });

  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  /** Starts a round trip at the API (as the portal does) and signs in at the simulator's pages. */
  async function roundTrip(
    citizenId: string,
    options: { bearer?: string; returnTo?: string } = {},
  ): Promise<{ flowCookie: string; callback: URL }> {
    const started = await t.app.inject({
      method: 'POST',
      url: options.bearer ? '/api/me/vneid/link' : '/api/auth/vneid/start',
      headers: options.bearer ? { authorization: `Bearer ${options.bearer}` } : {},
      payload: { returnTo: options.returnTo ?? '/courses' },
    });
    expect(started.statusCode).toBe(200);
    const flowCookie = cookieOf(started.headers['set-cookie'], 'hocvu_vneid_flow');
    expect(String(started.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const callback = await signInAtVneid(new TestBrowser(), started.json().authorizationUrl, REDIRECT_URI, {
      citizenId,
      password: VNEID_TEST_PASSWORD,
    });
    return { flowCookie, callback };
  }

  function finish(callback: URL, flowCookie: string | null) {
    return t.app.inject({
      method: 'GET',
      url: `/api/auth/vneid/callback${callback.search}`,
      headers: flowCookie ? { cookie: flowCookie } : {},
    });
  }

  function landing(response: { statusCode: number; headers: Record<string, unknown> }): URL {
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers['location']));
    expect(location.origin + location.pathname).toBe(`${PUBLIC_URL}/auth/vneid`);
    return location;
  }

  async function profileAfter(response: { headers: Record<string, unknown> }) {
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieOf(response.headers['set-cookie'], 'hocvu_refresh') },
    });
    expect(refresh.statusCode).toBe(200);
    return refresh.json<{ user: Record<string, unknown> }>().user;
  }

  async function usersWithCitizen(citizenId: string) {
    // Nothing in the row may hold the citizen id in clear: look for it in every column.
    const rows = await t.db.query<Record<string, unknown>[]>(`SELECT * FROM users`);
    return {
      plain: rows.filter((row) => JSON.stringify(row).includes(citizenId)).length,
      linked: rows.filter((row) => row.citizen_id_hash !== null),
    };
  }

  it('creates an identity-verified learner on first sign-in, stores the citizen id only encrypted, and finds the same account next time', async () => {
    const lo = citizen(0);
    const first = await roundTrip(lo.citizenId);
    const response = await finish(first.callback, first.flowCookie);
    const landed = landing(response);
    expect(landed.searchParams.get('result')).toBe('signed_in');
    expect(landed.searchParams.get('returnTo')).toBe('/courses');

    const profile = await profileAfter(response);
    expect(profile).toMatchObject({
      fullName: lo.fullName,
      role: Role.Learner,
      phone: null,
      birthDate: lo.birthDate,
      identityLevel: lo.identificationLevel,
      citizenIdMasked: `${lo.citizenId.slice(0, 4)}******${lo.citizenId.slice(-2)}`,
    });
    const { plain } = await usersWithCitizen(lo.citizenId);
    expect(plain).toBe(0);
    const [row] = await t.db.query<{ citizen_id_enc: string; identity_verified_at: Date | null }[]>(
      `SELECT citizen_id_enc, identity_verified_at FROM users WHERE id = $1`,
      [profile.id],
    );
    expect(row?.citizen_id_enc).toMatch(/^v1\.test\./);
    expect(row?.identity_verified_at).not.toBeNull();

    const again = await roundTrip(lo.citizenId);
    const second = await finish(again.callback, again.flowCookie);
    expect((await profileAfter(second)).id).toBe(profile.id);
  });

  it('links VNeID to a phone account; the same identity cannot go to a second account, nor a second identity to the first', async () => {
    const hoa = citizen(1);
    const owner = await aSignedInUser(t, Role.Learner);
    const linked = await roundTrip(hoa.citizenId, { bearer: owner.accessToken, returnTo: '/profile' });
    const landed = landing(await finish(linked.callback, linked.flowCookie));
    expect([landed.searchParams.get('result'), landed.searchParams.get('returnTo')]).toEqual([
      'linked',
      '/profile',
    ]);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: owner.auth });
    expect(me.json()).toMatchObject({ fullName: hoa.fullName, identityLevel: hoa.identificationLevel });
    expect(me.json().citizenIdMasked).toMatch(/^0111\*{6}58$/);
    const audit = await t.db.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE actor_id = $1 AND action = 'user.vneid_linked'`,
      [owner.id],
    );
    expect(audit).toHaveLength(1);

    const other = await aSignedInUser(t, Role.Learner);
    const taken = await roundTrip(hoa.citizenId, { bearer: other.accessToken });
    expect(landing(await finish(taken.callback, taken.flowCookie)).searchParams.get('error')).toBe(
      ErrorCode.VneidAlreadyLinked,
    );

    const second = await roundTrip(citizen(2).citizenId, { bearer: owner.accessToken });
    expect(landing(await finish(second.callback, second.flowCookie)).searchParams.get('error')).toBe(
      ErrorCode.VneidIdentityMismatch,
    );
    // Signing in with VNeID now opens the phone account it was linked to, not a new one.
    const signIn = await roundTrip(hoa.citizenId);
    expect((await profileAfter(await finish(signIn.callback, signIn.flowCookie))).id).toBe(owner.id);
  });

  it('refuses a wrong state, a callback replayed, a missing flow cookie and a code from another flow — and creates nobody', async () => {
    const mai = citizen(3);
    const before = (await usersWithCitizen(mai.citizenId)).linked.length;

    const tampered = await roundTrip(mai.citizenId);
    const wrongState = new URL(tampered.callback);
    wrongState.searchParams.set('state', 'not-the-state');
    expect(landing(await finish(wrongState, tampered.flowCookie)).searchParams.get('error')).toBe(
      ErrorCode.VneidSignInFailed,
    );
    // The flow was used up by that attempt: the genuine callback now finds nothing either.
    expect(landing(await finish(tampered.callback, tampered.flowCookie)).searchParams.get('error')).toBe(
      ErrorCode.VneidSignInFailed,
    );

    const noCookie = await roundTrip(mai.citizenId);
    expect(landing(await finish(noCookie.callback, null)).searchParams.get('error')).toBe(
      ErrorCode.VneidSignInFailed,
    );

    // Code injection: B's code presented with A's flow (A's state, A's PKCE verifier) fails at the token endpoint.
    const a = await roundTrip(mai.citizenId);
    const b = await roundTrip(mai.citizenId);
    const injected = new URL(b.callback);
    injected.searchParams.set('state', a.callback.searchParams.get('state') ?? '');
    expect(landing(await finish(injected, a.flowCookie)).searchParams.get('error')).toBe(
      ErrorCode.VneidSignInFailed,
    );

    // A code already redeemed cannot be redeemed again, even with a fresh flow.
    const good = await roundTrip(mai.citizenId);
    landing(await finish(good.callback, good.flowCookie));
    const replay = await roundTrip(mai.citizenId);
    const replayed = new URL(good.callback);
    replayed.searchParams.set('state', replay.callback.searchParams.get('state') ?? '');
    expect(landing(await finish(replayed, replay.flowCookie)).searchParams.get('error')).toBe(
      ErrorCode.VneidSignInFailed,
    );
    expect((await usersWithCitizen(mai.citizenId)).linked.length).toBe(before + 1);
  });

  it('refuses an ID token altered on the way (signature no longer matches) and creates nobody', async () => {
    // A man in the middle between the API and VNeID's token endpoint: everything passes through, but the
    // name in the ID token's payload is changed (the signature is kept). The simulator is told the
    // proxy is its issuer, so discovery, the pages and the token endpoint all go through it.
    let target = '';
    const seen: string[] = [];
    const proxy: Server = createServer((request, response) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks);
        seen.push(`${request.method} ${request.url?.split('?')[0]}`);
        const upstream = await fetch(`${target}${request.url}`, {
          method: request.method,
          headers: Object.fromEntries(
            Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'content-length'),
          ) as Record<string, string>,
          body: body.length > 0 ? body : undefined,
          redirect: 'manual',
        });
        // The provider writes its own address into discovery, pages and redirects: point them at the proxy.
        let text = Buffer.from((await upstream.text()).replaceAll(target, proxyUrl));
        if (request.url?.startsWith('/token') && upstream.ok) {
          const tokens = JSON.parse(text.toString()) as { id_token: string };
          const [header, payload, signature] = tokens.id_token.split('.');
          const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as { name: string };
          claims.name = 'Người Mạo Danh';
          tokens.id_token = [
            header,
            Buffer.from(JSON.stringify(claims)).toString('base64url'),
            signature,
          ].join('.');
          text = Buffer.from(JSON.stringify(tokens));
        }
        const headers: Record<string, string | string[]> = {};
        upstream.headers.forEach((value, name) => {
          if (!['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie'].includes(name)) {
            headers[name] = value.replaceAll(target, proxyUrl);
          }
        });
        const cookies = upstream.headers.getSetCookie();
        if (cookies.length > 0) headers['set-cookie'] = cookies;
        response.writeHead(upstream.status, headers).end(text);
      })().catch((error: unknown) => response.writeHead(502).end(String(error)));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const behind = await startVneidSimulatorProcess({
      env: {
        VNEID_SIM_ISSUER: proxyUrl,
        VNEID_SIM_REDIRECT_URIS: REDIRECT_URI,
        VNEID_SIM_CLIENT_SECRET: 'test-vneid-secret',
      },
    });
    target = behind.url;
    const api = await createTestApp({
      PUBLIC_URL,
      VNEID_ISSUER: proxyUrl,
      VNEID_CLIENT_SECRET: 'test-vneid-secret',
    });
    try {
      const pao = citizen(2);
      const started = await api.app.inject({ method: 'POST', url: '/api/auth/vneid/start', payload: {} });
      const flowCookie = cookieOf(started.headers['set-cookie'], 'hocvu_vneid_flow');
      const callback = await signInAtVneid(new TestBrowser(), started.json().authorizationUrl, REDIRECT_URI, {
        citizenId: pao.citizenId,
        password: VNEID_TEST_PASSWORD,
      });
      const response = await api.app.inject({
        method: 'GET',
        url: `/api/auth/vneid/callback${callback.search}`,
        headers: { cookie: flowCookie },
      });
      // The token exchange did go through the proxy (else this test would prove nothing).
      expect(seen).toContain('POST /token');
      expect(response.statusCode).toBe(302);
      expect(new URL(String(response.headers['location'])).searchParams.get('error')).toBe(
        ErrorCode.VneidSignInFailed,
      );
      expect(String(response.headers['set-cookie'] ?? '')).not.toContain('hocvu_refresh=');
      const [{ count }] = await api.db.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM users WHERE full_name = 'Người Mạo Danh'`,
      );
      expect(count).toBe(0);
    } finally {
      await api.close();
      await behind.stop();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('refuses a return path to another site, and answers 503 when VNeID cannot be reached', async () => {
    const offsite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/vneid/start',
      payload: { returnTo: '//evil.example/phish' },
    });
    expect([offsite.statusCode, offsite.json().error.code]).toEqual([400, ErrorCode.ValidationFailed]);

    const down = await createTestApp({ VNEID_ISSUER: 'http://127.0.0.1:1' });
    try {
      const response = await down.app.inject({ method: 'POST', url: '/api/auth/vneid/start', payload: {} });
      expect([response.statusCode, response.json().error.code]).toEqual([503, ErrorCode.VneidUnavailable]);
    } finally {
      await down.close();
    }
  });
});

function cookieOf(header: unknown, name: string): string {
  const cookies = Array.isArray(header) ? header.map(String) : [String(header)];
  const found = cookies.find((cookie) => cookie.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${cookies.join(' | ')}`);
  return found.split(';')[0] ?? '';
}

import {
  pkcePair,
  signIn,
  TestBrowser,
  VNEID_TEST_CITIZENS,
  VNEID_TEST_PASSWORD,
} from '@hocvu/attestation/testing';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';

import { subjectOf } from '../citizens/citizen-registry';
import { localSimulatorOptions, type RunningSimulator, startSimulator } from '../simulator';

const CLIENT_ID = 'hocvu-portal';
const CLIENT_SECRET = 'test-client-secret';
const REDIRECT_URI = 'http://127.0.0.1:3000/api/auth/vneid/callback';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  [key: string]: unknown;
}

describe('VNeID simulator: OpenID Connect provider (real HTTP)', () => {
  let sim: RunningSimulator;
  let discovery: Discovery;
  const [levelTwo, , levelOne] = VNEID_TEST_CITIZENS;
  if (!levelTwo || !levelOne) throw new Error('test citizens missing');

  beforeAll(async () => {
    sim = await startSimulator(
      localSimulatorOptions({
        clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }],
      }),
    );
    discovery = (await (await fetch(`${sim.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
  });

  afterAll(() => sim.close());

  /** An authorization request as Hocvu's API will make it; returns what the token request needs. */
  function authorizationRequest(overrides: Record<string, string | null> = {}) {
    const pkce = pkcePair();
    const state = randomBytes(12).toString('base64url');
    const nonce = randomBytes(12).toString('base64url');
    const params: Record<string, string | null> = {
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid profile citizen',
      state,
      nonce,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      ...overrides,
    };
    const url = new URL(discovery.authorization_endpoint);
    for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
    return { url: url.href, pkce, state, nonce };
  }

  function exchange(code: string, codeVerifier: string | null) {
    const form: Record<string, string> = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
    };
    if (codeVerifier !== null) form['code_verifier'] = codeVerifier;
    return fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
    });
  }

  async function codeFor(citizenId: string, overrides: Record<string, string | null> = {}) {
    const request = authorizationRequest(overrides);
    const callback = await signIn(new TestBrowser(), request.url, REDIRECT_URI, {
      citizenId,
      password: VNEID_TEST_PASSWORD,
    });
    const code = callback.searchParams.get('code');
    if (!code) throw new Error(`no code in ${callback.href}`);
    return { ...request, code, callback };
  }

  it('publishes a discovery document for the code flow with PKCE S256 and the citizen claims', () => {
    expect(discovery).toMatchObject({
      issuer: sim.issuer,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(discovery['scopes_supported']).toEqual(expect.arrayContaining(['openid', 'profile', 'citizen']));
    expect(discovery['claims_supported']).toEqual(
      expect.arrayContaining(['sub', 'name', 'birthdate', 'gender', 'citizen_id', 'identification_level']),
    );
  });

  it('signs a citizen in with authorization code + PKCE and issues a verifiable ID token with the claims', async () => {
    const { code, pkce, state, nonce, callback } = await codeFor(levelTwo.citizenId);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(sim.issuer);

    const response = await exchange(code, pkce.verifier);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { id_token: string; access_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');

    const { payload, protectedHeader } = await jwtVerify(
      tokens.id_token,
      createRemoteJWKSet(new URL(discovery.jwks_uri)),
      { issuer: sim.issuer, audience: CLIENT_ID },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: subjectOf(levelTwo.citizenId),
      nonce,
      name: 'Lò Văn Thắng',
      birthdate: '1968-03-14',
      gender: 'male',
      citizen_id: '011068004127',
      identification_level: 2,
    });

    const userinfo = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({ citizen_id: '011068004127', identification_level: 2 });
  });

  it('gives the citizen id and level only to clients that ask for scope "citizen"', async () => {
    const { code, pkce } = await codeFor(levelOne.citizenId, { scope: 'openid profile' });
    const tokens = (await (await exchange(code, pkce.verifier)).json()) as { id_token: string };
    const { payload } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(discovery.jwks_uri)));
    expect(payload).toMatchObject({ name: 'Giàng A Pao', birthdate: '1990-11-20', gender: 'male' });
    expect(payload).not.toHaveProperty('citizen_id');
    expect(payload).not.toHaveProperty('identification_level');
  });

  it('refuses a token request with a wrong or missing code_verifier', async () => {
    const wrong = await codeFor(levelTwo.citizenId);
    const wrongAnswer = await exchange(wrong.code, pkcePair().verifier);
    expect(wrongAnswer.status).toBe(400);
    expect(await wrongAnswer.json()).toMatchObject({ error: 'invalid_grant' });

    const missing = await codeFor(levelTwo.citizenId);
    const missingAnswer = await exchange(missing.code, null);
    expect(missingAnswer.status).toBe(400);
    expect(await missingAnswer.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a replayed code and revokes what the first exchange issued', async () => {
    const { code, pkce } = await codeFor(levelTwo.citizenId);
    const first = await exchange(code, pkce.verifier);
    expect(first.status).toBe(200);
    const { access_token: accessToken } = (await first.json()) as { access_token: string };

    const replay = await exchange(code, pkce.verifier);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    const userinfo = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(userinfo.status).toBe(401);
  });

  it('requires PKCE with S256 on the authorization request', async () => {
    const cases: Record<string, string | null>[] = [
      { code_challenge: null, code_challenge_method: null },
      { code_challenge_method: 'plain' },
    ];
    for (const overrides of cases) {
      const response = await new TestBrowser().request(authorizationRequest(overrides).url);
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
      expect(location.searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('returns access_denied when the citizen declines consent', async () => {
    const request = authorizationRequest();
    const callback = await signIn(new TestBrowser(), request.url, REDIRECT_URI, {
      citizenId: levelTwo.citizenId,
      password: VNEID_TEST_PASSWORD,
      decline: true,
    });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(request.state);
  });

  it('serves an accessible Vietnamese login page that refuses a wrong password', async () => {
    const browser = new TestBrowser();
    const first = await browser.request(authorizationRequest().url);
    const interaction = new URL(first.headers.get('location') ?? '', sim.issuer);
    const page = await browser.request(interaction);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<label for="citizenId">Số định danh cá nhân</label>');
    expect(html).toContain('<label for="password">Mật khẩu</label>');
    for (const citizen of VNEID_TEST_CITIZENS) expect(html).toContain(citizen.fullName);

    const refused = await browser.request(`${interaction.href}/login`, {
      form: { citizenId: levelTwo.citizenId, password: 'sai-mat-khau' },
    });
    expect(refused.status).toBe(401);
    const again = await refused.text();
    expect(again).toContain('role="alert"');
    expect(again).toContain('Số định danh hoặc mật khẩu không đúng');
  });

  it('closes the provider too during maintenance, with Retry-After', async () => {
    const headers = { 'x-admin-token': sim.adminToken, 'content-type': 'application/json' };
    await fetch(`${sim.url}/admin/faults`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ maintenance: true, retryAfterSeconds: 120 }),
    });
    try {
      const down = await fetch(`${sim.issuer}/.well-known/openid-configuration`);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('120');
      expect(await down.json()).toMatchObject({ code: 'MAINTENANCE' });
      const token = await exchange('any', 'any');
      expect(token.status).toBe(503);
    } finally {
      await fetch(`${sim.url}/admin/faults`, { method: 'PUT', headers, body: '{}' });
    }
    expect((await fetch(`${sim.issuer}/.well-known/openid-configuration`)).status).toBe(200);
  });
});

import { ErrorCode, Role } from '@hocvu/contracts';

import {
  aProvinceWithCommunes,
  aSignedInUser,
  refreshCookieOf,
  signIn,
  TEST_PASSWORD,
} from '../../../test/builders';
import { createTestApp, TestApp, uniquePhone } from '../../../test/test-app';

describe('auth (integration)', () => {
  let t: TestApp;
  let communeId: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    communeId = (await aProvinceWithCommunes(t)).communeA;
  });
  afterAll(() => t.close());

  const register = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
  const countUsers = async () => Number((await t.db.query('SELECT count(*) AS n FROM users'))[0].n);

  describe('register', () => {
    it('creates a learner, normalises the phone, encrypts the birth date and signs in', async () => {
      const phone = uniquePhone();
      const response = await register({
        fullName: '  Lò Thị Mai ',
        phone: `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`,
        password: TEST_PASSWORD,
        birthDate: '1958-03-07',
        gender: 'female',
        communeId,
        targetGroup: 'citizen',
      });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body.user).toMatchObject({
        role: 'learner',
        fullName: 'Lò Thị Mai',
        phone: `+84${phone.slice(1)}`,
        birthDate: '1958-03-07',
        communeId,
        targetGroup: 'citizen',
        permissions: ['profile.read', 'profile.update', 'learning.access'],
      });
      expect(body.accessToken).toEqual(expect.any(String));
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(
        /hocvu_refresh=[^;]+; Max-Age=\d+; Path=\/api\/auth; HttpOnly; Secure; SameSite=Strict/,
      );

      const [row] = await t.db.query('SELECT birth_date_enc, password_hash FROM users WHERE id = $1', [
        body.user.id,
      ]);
      expect(row.birth_date_enc).not.toContain('1958');
      expect(row.birth_date_enc).toMatch(/^v1\.test\./);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('refuses a phone that is already registered, in any format, with 409 PHONE_TAKEN', async () => {
      const phone = uniquePhone();
      expect((await register({ fullName: 'A', phone, password: TEST_PASSWORD })).statusCode).toBe(201);
      const before = await countUsers();
      const again = await register({ fullName: 'B', phone: `+84${phone.slice(1)}`, password: TEST_PASSWORD });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({ error: { code: ErrorCode.PhoneTaken, message: expect.any(String) } });
      expect(await countUsers()).toBe(before);
    });

    it('refuses a duplicate email with 409 EMAIL_TAKEN, ignoring case', async () => {
      const email = `mai.${Date.now()}@example.vn`;
      expect((await register({ fullName: 'A', email, password: TEST_PASSWORD })).statusCode).toBe(201);
      const again = await register({ fullName: 'B', email: email.toUpperCase(), password: TEST_PASSWORD });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe(ErrorCode.EmailTaken);
    });

    it('answers a weak password with 400 listing the broken rules, and saves nothing', async () => {
      const before = await countUsers();
      const response = await register({ fullName: 'A', phone: uniquePhone(), password: 'abc' });
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details).toEqual([
        expect.objectContaining({ field: 'password', rules: expect.arrayContaining(['minLength', 'digit']) }),
      ]);
      expect(error.details[0].rules).not.toContain('letter');
      expect(await countUsers()).toBe(before);
    });

    it.each(['12345', '0212345678', '+1 415 555 0100', 'không phải số'])(
      'rejects the malformed phone %p',
      async (phone) => {
        const response = await register({ fullName: 'A', phone, password: TEST_PASSWORD });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.details).toEqual([
          expect.objectContaining({ field: 'phone', rules: ['phoneNumber'] }),
        ]);
      },
    );

    it('requires a phone or an email, rejects unknown fields, unknown communes and future birth dates', async () => {
      const noContact = await register({ fullName: 'A', password: TEST_PASSWORD });
      expect(noContact.statusCode).toBe(400);
      expect(noContact.json().error.details[0].field).toBe('phone');

      const extra = await register({
        fullName: 'A',
        phone: uniquePhone(),
        password: TEST_PASSWORD,
        role: 'province_admin',
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.details).toEqual([
        expect.objectContaining({ field: 'role', rules: ['unknownField'] }),
      ]);

      const badCommune = await register({
        fullName: 'A',
        phone: uniquePhone(),
        password: TEST_PASSWORD,
        communeId: '00000000-0000-4000-8000-000000000000',
      });
      expect(badCommune.statusCode).toBe(400);
      expect(badCommune.json().error.details).toEqual([
        expect.objectContaining({ field: 'communeId', rules: ['exists'] }),
      ]);

      const future = await register({
        fullName: 'A',
        phone: uniquePhone(),
        password: TEST_PASSWORD,
        birthDate: '2999-01-01',
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.details[0]).toMatchObject({ field: 'birthDate', rules: ['birthDate'] });
    });
  });

  describe('sign in', () => {
    it('accepts the phone in another format and returns the profile', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const phone = user.phone;
      const signedIn = await signIn(t, `+84 ${phone.slice(1)}`, TEST_PASSWORD);
      expect(signedIn.id).toBe(user.id);
    });

    it('answers a wrong password and an unknown account alike with 401 INVALID_CREDENTIALS', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      for (const identifier of [user.phone, uniquePhone()]) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { identifier, password: 'wrong-password-1' },
        });
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe(ErrorCode.InvalidCredentials);
      }
    });

    it('locks an account after repeated failures with 429 RATE_LIMITED and Retry-After, even for the right password', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const attempt = (password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { identifier: user.phone, password },
        });
      for (let i = 0; i < 3; i += 1) expect((await attempt('wrong-password-1')).statusCode).toBe(401);
      const locked = await attempt(TEST_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error).toMatchObject({
        code: ErrorCode.RateLimited,
        details: { retryAfterSeconds: expect.any(Number) },
      });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // Other accounts are not affected by this account's lock.
      expect((await aSignedInUser(t, Role.Learner)).accessToken).toEqual(expect.any(String));
    });

    it('limits attempts per IP address across accounts', async () => {
      const limited = await createTestApp({
        LOGIN_MAX_ATTEMPTS_PER_IP: '2',
        REDIS_PREFIX: `iptest${Date.now()}`,
      });
      try {
        const attempt = () =>
          limited.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress: '203.0.113.7',
            payload: { identifier: uniquePhone(), password: 'wrong-password-1' },
          });
        expect((await attempt()).statusCode).toBe(401);
        expect((await attempt()).statusCode).toBe(401);
        expect((await attempt()).statusCode).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });

  describe('refresh and sign out', () => {
    const refresh = (cookie?: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: cookie ? { cookie } : {} });

    it('rotates the refresh token and issues a working access token', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const response = await refresh(user.refreshCookie);
      expect(response.statusCode).toBe(200);
      const next = refreshCookieOf(response.headers['set-cookie']);
      expect(next).not.toBe(user.refreshCookie);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${response.json().accessToken}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().id).toBe(user.id);
    });

    it('treats reuse of an old refresh token as theft: 401 REFRESH_TOKEN_REUSED and the whole session is revoked', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const rotated = refreshCookieOf((await refresh(user.refreshCookie)).headers['set-cookie']);

      const replay = await refresh(user.refreshCookie);
      expect(replay.statusCode).toBe(401);
      expect(replay.json().error.code).toBe(ErrorCode.RefreshTokenReused);

      // The legitimate newest token died with the session.
      const afterReplay = await refresh(rotated);
      expect(afterReplay.statusCode).toBe(401);
      expect(afterReplay.json().error.code).toBe(ErrorCode.RefreshTokenInvalid);
      const [session] = await t.db.query('SELECT revoke_reason FROM auth_sessions WHERE user_id = $1', [
        user.id,
      ]);
      expect(session.revoke_reason).toBe('refresh_token_reused');
    });

    it('answers a missing or unknown cookie with 401 REFRESH_TOKEN_INVALID', async () => {
      expect((await refresh()).json().error.code).toBe(ErrorCode.RefreshTokenInvalid);
      expect((await refresh('hocvu_refresh=not-a-token')).statusCode).toBe(401);
    });

    it('signs out: the session is revoked, the cookie cleared, and refresh no longer works', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: user.refreshCookie },
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/hocvu_refresh=;.*Expires=Thu, 01 Jan 1970/);
      expect((await refresh(user.refreshCookie)).statusCode).toBe(401);
      // Signing out twice is harmless.
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    });
  });

  describe('profile', () => {
    it('updates the own profile and changes the password, signing out the other devices only', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const otherDevice = await signIn(t, user.phone, TEST_PASSWORD);
      const patch = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: user.auth,
        payload: {
          fullName: 'Quàng Thị Xuân',
          preferredLanguage: 'blt',
          targetGroup: 'enterprise_worker',
          communeId,
        },
      });
      expect(patch.statusCode).toBe(200);
      expect(patch.json()).toMatchObject({
        fullName: 'Quàng Thị Xuân',
        preferredLanguage: 'blt',
        commune: { id: communeId },
      });

      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: user.auth,
        payload: { currentPassword: 'nope-1234', newPassword: 'matkhaumoi9' },
      });
      expect(wrong.statusCode).toBe(401);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: user.auth,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'matkhaumoi9' },
      });
      expect(changed.statusCode).toBe(204);
      const refresh = (cookie: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } });
      expect((await refresh(otherDevice.refreshCookie)).statusCode).toBe(401);
      expect((await refresh(user.refreshCookie)).statusCode).toBe(200);
      expect((await signIn(t, user.phone, 'matkhaumoi9')).id).toBe(user.id);
    });

    it('rejects a bad language code and an expired or forged token', async () => {
      const user = await aSignedInUser(t, Role.Learner);
      const bad = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: user.auth,
        payload: { preferredLanguage: 'Vietnamese!' },
      });
      expect(bad.statusCode).toBe(400);
      const forged = `${user.accessToken.slice(0, -4)}AAAA`;
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe(ErrorCode.Unauthenticated);
    });
  });
});

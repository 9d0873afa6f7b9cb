import { ErrorCode, Role } from '@hocvu/contracts';

import {
  aProvinceWithCommunes,
  aSignedInUser,
  SignedInUser,
  signIn,
  TEST_PASSWORD,
} from '../../../test/builders';
import { createTestApp, TestApp, uniquePhone } from '../../../test/test-app';

describe('user administration (integration)', () => {
  let t: TestApp;
  let communeA: string;
  let communeB: string;
  let provinceAdmin: SignedInUser;
  let communeAdmin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    ({ communeA, communeB } = await aProvinceWithCommunes(t));
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdmin = await aSignedInUser(t, Role.CommuneAdmin, communeA);
  });
  afterAll(() => t.close());

  it('keeps inclusion attributes only with consent, and erases them all when consent is withdrawn', async () => {
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/me', headers: learner.auth, payload });
    const stored = async () =>
      (
        await t.db.query<
          {
            disability: boolean | null;
            ethnicGroup: string | null;
            householdId: string | null;
            consented: boolean;
          }[]
        >(
          `SELECT disability, ethnic_group AS "ethnicGroup", household_id AS "householdId",
                  attributes_consented_at IS NOT NULL AS consented FROM users WHERE id = $1`,
          [learner.id],
        )
      )[0];

    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: learner.auth })).json().inclusion,
    ).toBeNull();
    const missingConsent = await patch({ inclusion: { disability: true } });
    expect(missingConsent.statusCode).toBe(400);
    expect(await stored()).toEqual({
      disability: null,
      ethnicGroup: null,
      householdId: null,
      consented: false,
    });

    const given = await patch({
      inclusion: { consent: true, disability: true, ethnicGroup: 'Thái', householdId: 'HB-0042' },
    });
    expect(given.statusCode).toBe(200);
    expect(given.json().inclusion).toMatchObject({
      disability: true,
      ethnicGroup: 'Thái',
      householdId: 'HB-0042',
    });
    expect(await stored()).toEqual({
      disability: true,
      ethnicGroup: 'Thái',
      householdId: 'HB-0042',
      consented: true,
    });

    const withdrawn = await patch({ inclusion: { consent: false } });
    expect(withdrawn.json().inclusion).toBeNull();
    expect(await stored()).toEqual({
      disability: null,
      ethnicGroup: null,
      householdId: null,
      consented: false,
    });

    expect((await patch({ inclusion: { consent: true, ethnicGroup: 'x'.repeat(41) } })).statusCode).toBe(400);
  });

  it("sets the village to one of the learner's commune only, and drops it when the commune changes", async () => {
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/me', headers: learner.auth, payload });
    const village = async (communeId: string, name: string) =>
      (
        await t.db.query<{ id: string }[]>(
          `INSERT INTO admin_units (code, name, kind, parent_id) VALUES ($1, $2, 'village', $3) RETURNING id`,
          [`VT${uniquePhone()}`, name, communeId],
        )
      )[0]?.id;
    const villageA = await village(communeA, 'Bản Co Củ');
    const villageB = await village(communeB, 'Bản Hồng Sọt');
    const stored = async () =>
      (
        await t.db.query<{ villageId: string | null }[]>(
          'SELECT village_id AS "villageId" FROM users WHERE id = $1',
          [learner.id],
        )
      )[0]?.villageId;

    const set = await patch({ villageId: villageA });
    expect(set.statusCode).toBe(200);
    expect(set.json().village).toEqual({ id: villageA, name: 'Bản Co Củ' });
    expect(await stored()).toBe(villageA);

    for (const wrong of [villageB, communeA, '00000000-0000-4000-8000-000000000000']) {
      const response = await patch({ villageId: wrong });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('villageId');
    }
    expect(await stored()).toBe(villageA);

    // Another field alone leaves the village; a move to another commune drops it.
    expect((await patch({ fullName: 'Lò Thị Mai' })).json().village).toEqual({
      id: villageA,
      name: 'Bản Co Củ',
    });
    const moved = await patch({ communeId: communeB });
    expect(moved.json().village).toBeNull();
    expect(await stored()).toBeNull();
    expect((await patch({ villageId: villageB })).json().village?.id).toBe(villageB);
    expect((await patch({ villageId: null })).json().village).toBeNull();
  });

  it('lets only learners change their own commune: staff get 403 and stay out of other communes', async () => {
    const teacher = await aSignedInUser(t, Role.Teacher, communeA);
    const learnerB = await aSignedInUser(t, Role.Learner, communeB);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/community-sessions',
      headers: provinceAdmin.auth,
      payload: {
        communeId: communeB,
        title: 'Cài đặt VNeID',
        place: 'Nhà văn hóa',
        startsAt: new Date(Date.now() - 1_800_000).toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    const sessionB = created.json().id as string;
    const communeOf = async (id: string) =>
      (await t.db.query<{ c: string | null }[]>(`SELECT commune_id AS c FROM users WHERE id = $1`, [id]))[0]
        ?.c;

    for (const staff of [teacher, communeAdmin, provinceAdmin]) {
      const moved = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: staff.auth,
        payload: { communeId: communeB, fullName: 'Cán bộ thử' },
      });
      expect(moved.statusCode).toBe(403);
      expect(moved.json().error.code).toBe(ErrorCode.Forbidden);
      expect(await communeOf(staff.id)).toBe(staff.communeId);
    }
    // Nothing else of that request was saved either; sending one's own commune is no change and fine.
    const [{ name }] = await t.db.query(`SELECT full_name AS name FROM users WHERE id = $1`, [teacher.id]);
    expect(name).not.toBe('Cán bộ thử');
    const same = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: teacher.auth,
      payload: { communeId: communeA, fullName: 'Lò Văn Giáo' },
    });
    expect(same.statusCode).toBe(200);

    // A fresh token still carries commune A: commune B's session, learners and attendance stay out of reach.
    const fresh = await signIn(t, teacher.phone, TEST_PASSWORD);
    expect(fresh.communeId).toBe(communeA);
    for (const [method, url, payload] of [
      ['GET', `/api/community-sessions/${sessionB}`, undefined],
      ['GET', `/api/community-sessions/${sessionB}/learners?q=`, undefined],
      ['POST', `/api/community-sessions/${sessionB}/attendance`, { userIds: [learnerB.id] }],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: fresh.auth,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it('lets a province admin create a teacher, and records it in the audit log', async () => {
    const phone = uniquePhone();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: provinceAdmin.auth,
      payload: {
        fullName: 'Lò Văn Thành',
        phone,
        password: TEST_PASSWORD,
        role: 'teacher',
        communeId: communeB,
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      role: 'teacher',
      fullName: 'Lò Văn Thành',
      phone: `+84${phone.slice(1)}`,
      communeId: communeB,
    });
    expect((await signIn(t, phone, TEST_PASSWORD)).role).toBe('teacher');

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit-log?pageSize=50',
      headers: provinceAdmin.auth,
    });
    expect(audit.json().items).toContainEqual(
      expect.objectContaining({
        action: 'user.create_staff',
        targetId: created.id,
        actorId: provinceAdmin.id,
      }),
    );
  });

  it('requires a commune for a commune admin and rejects a learner role', async () => {
    const noCommune = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: provinceAdmin.auth,
      payload: { fullName: 'A', phone: uniquePhone(), password: TEST_PASSWORD, role: 'commune_admin' },
    });
    expect(noCommune.statusCode).toBe(400);
    expect(noCommune.json().error.details[0]).toMatchObject({ field: 'communeId', rules: ['required'] });
    const learner = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: provinceAdmin.auth,
      payload: { fullName: 'A', phone: uniquePhone(), password: TEST_PASSWORD, role: 'learner' },
    });
    expect(learner.statusCode).toBe(400);
  });

  it('scopes a commune admin to their own commune, whatever filter they send, and masks phones', async () => {
    const inA = await aSignedInUser(t, Role.Learner, communeA);
    const inB = await aSignedInUser(t, Role.Learner, communeB);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/users?communeId=${communeB}&pageSize=100`,
      headers: communeAdmin.auth,
    });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    for (const item of list.json().items) expect(item.communeId).toBe(communeA);
    const mine = list.json().items.find((item: { id: string }) => item.id === inA.id);
    expect(mine.phone).toMatch(/^\+84\d{3}\*\*\*\d{3}$/);

    const other = await t.app.inject({
      method: 'GET',
      url: `/api/users/${inB.id}`,
      headers: communeAdmin.auth,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(ErrorCode.UserNotFound);

    const all = await t.app.inject({
      method: 'GET',
      url: '/api/users?pageSize=100',
      headers: provinceAdmin.auth,
    });
    const allIds = all.json().items.map((item: { id: string }) => item.id);
    expect(allIds).toEqual(expect.arrayContaining([inA.id, inB.id]));
  });

  it('searches by name, diacritics and case as typed, and paginates', async () => {
    await aSignedInUser(t, Role.Learner, communeA);
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/users?q=người thử&pageSize=2&page=1',
      headers: provinceAdmin.auth,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/users?pageSize=1000',
      headers: provinceAdmin.auth,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('resets a password: a temporary password works once handed over, old sessions die, a change is demanded', async () => {
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${learner.id}/reset-password`,
      headers: communeAdmin.auth,
    });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json();
    expect(temporaryPassword).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);

    const oldSession = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: learner.refreshCookie },
    });
    expect(oldSession.statusCode).toBe(401);
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: learner.phone, password: temporaryPassword },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);

    const [entry] = await t.db.query(
      `SELECT actor_id, details FROM audit_log WHERE action = 'user.password_reset' AND target_id = $1`,
      [learner.id],
    );
    expect(entry.actor_id).toBe(communeAdmin.id);
    expect(JSON.stringify(entry.details)).not.toContain(temporaryPassword);
  });

  it('does not let a commune admin reset staff passwords or users of other communes', async () => {
    const teacher = await aSignedInUser(t, Role.Teacher, communeA);
    const learnerB = await aSignedInUser(t, Role.Learner, communeB);
    const staff = await t.app.inject({
      method: 'POST',
      url: `/api/users/${teacher.id}/reset-password`,
      headers: communeAdmin.auth,
    });
    expect(staff.statusCode).toBe(403);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/users/${learnerB.id}/reset-password`,
      headers: communeAdmin.auth,
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});

import {
  AMBASSADOR_MINIMUM_LEARNERS,
  CAMPAIGN_STATS_REFRESH_SQL,
  ErrorCode,
  parseQrToken,
  Role,
} from '@hocvu/contracts';

import { aCourse, aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

type Method = 'GET' | 'POST' | 'DELETE';

/**
 * Community sessions on the real API and database: the scoping matrix across two communes for every
 * endpoint, attendance by QR (valid, forged, another commune's, rescanned) and by list, cancellation,
 * enrolment of attendees, and the dashboard's community figures against a count from scratch.
 */
describe('community sessions (integration)', () => {
  let t: TestApp;
  let communeA: string;
  let communeB: string;
  let provinceId: string;
  let adminA: SignedInUser;
  let adminB: SignedInUser;
  let teacherA: SignedInUser;
  let teacherWithoutCommune: SignedInUser;
  let provinceAdmin: SignedInUser;
  let learnersA: SignedInUser[];
  let learnerB: SignedInUser;
  let courseId: string;

  const call = (method: Method, url: string, user: SignedInUser, payload?: object) =>
    t.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });
  const hourFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  async function aSession(user: SignedInUser, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await call('POST', '/api/community-sessions', user, {
      title: 'Cài đặt VNeID',
      place: 'Nhà văn hóa bản Co Muông',
      startsAt: hourFromNow(-0.5),
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }
  const qrOf = async (learner: SignedInUser) =>
    (await call('GET', '/api/me/qr', learner)).json().payload as string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ provinceId, communeA, communeB } = await aProvinceWithCommunes(t));
    adminA = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    adminB = await aSignedInUser(t, Role.CommuneAdmin, communeB);
    teacherA = await aSignedInUser(t, Role.Teacher, communeA);
    teacherWithoutCommune = await aSignedInUser(t, Role.Teacher);
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    learnersA = [];
    for (let index = 0; index < 4; index += 1) learnersA.push(await aSignedInUser(t, Role.Learner, communeA));
    learnerB = await aSignedInUser(t, Role.Learner, communeB);
    courseId = (await aCourse(t, teacherA)).id;
  });
  afterAll(() => t.close());

  it('schedules in one’s own commune only; province admins name the commune', async () => {
    const id = await aSession(adminA, { courseId, capacity: 40 });
    const detail = (await call('GET', `/api/community-sessions/${id}`, adminA)).json();
    expect(detail).toMatchObject({
      communeId: communeA,
      courseId,
      capacity: 40,
      durationMinutes: 90,
      attendees: [],
    });
    expect(detail.courseTitle).toMatch(/^Khoá học thử/);
    await aSession(teacherA);

    const other = await call('POST', '/api/community-sessions', adminA, {
      communeId: communeB,
      title: 'x',
      place: 'y',
      startsAt: hourFromNow(1),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe(ErrorCode.UnitOutOfScope);
    const noCommune = await call('POST', '/api/community-sessions', teacherWithoutCommune, {
      title: 'x',
      place: 'y',
      startsAt: hourFromNow(1),
    });
    expect(noCommune.statusCode).toBe(403);
    const provinceWithout = await call('POST', '/api/community-sessions', provinceAdmin, {
      title: 'x',
      place: 'y',
      startsAt: hourFromNow(1),
    });
    expect(provinceWithout.statusCode).toBe(400);
    const provinceUnit = await call('POST', '/api/community-sessions', provinceAdmin, {
      communeId: provinceId,
      title: 'x',
      place: 'y',
      startsAt: hourFromNow(1),
    });
    expect(provinceUnit.statusCode).toBe(400);
    await aSession(provinceAdmin, { communeId: communeB });
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'community_session.create' AND target_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('scoping matrix: commune B’s staff reach none of commune A’s sessions or learners, on any endpoint', async () => {
    const id = await aSession(adminA, { courseId });
    const qr = await qrOf(learnersA[0]);
    await call('POST', `/api/community-sessions/${id}/attendance`, adminA, { userIds: [learnersA[1].id] });
    const calls: [Method, string, object?][] = [
      ['GET', `/api/community-sessions/${id}`],
      ['GET', `/api/community-sessions/${id}/learners?q=`],
      ['POST', `/api/community-sessions/${id}/cancel`, {}],
      ['POST', `/api/community-sessions/${id}/attendance/qr`, { token: qr }],
      ['POST', `/api/community-sessions/${id}/attendance`, { userIds: [learnersA[2].id] }],
      ['DELETE', `/api/community-sessions/${id}/attendance/${learnersA[1].id}`],
      ['POST', `/api/community-sessions/${id}/enrol`, {}],
    ];
    for (const [method, url, payload] of calls) {
      const response = await call(method, url, adminB, payload);
      expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: 404 });
      expect(response.json().error.code).toBe(ErrorCode.CommunitySessionNotFound);
    }
    const list = await call('GET', `/api/community-sessions?communeId=${communeA}`, adminB);
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe(ErrorCode.UnitOutOfScope);
    // Their own list never shows A's sessions, whatever "when".
    for (const when of ['upcoming', 'past']) {
      const own = (await call('GET', `/api/community-sessions?when=${when}`, adminB)).json();
      expect(own.items.every((session: { communeId: string }) => session.communeId === communeB)).toBe(true);
    }
    // Nothing changed in A: still not cancelled, the same one attendee, nobody enrolled.
    const after = (await call('GET', `/api/community-sessions/${id}`, adminA)).json();
    expect(after.cancelledAt).toBeNull();
    expect(after.attendees.map((a: { userId: string }) => a.userId)).toEqual([learnersA[1].id]);
    // Commune A's staff cannot record B's learners (by list or by QR) at their own session either.
    const byList = await call('POST', `/api/community-sessions/${id}/attendance`, adminA, {
      userIds: [learnerB.id],
    });
    expect(byList.statusCode).toBe(404);
    const byQr = await call('POST', `/api/community-sessions/${id}/attendance/qr`, adminA, {
      token: await qrOf(learnerB),
    });
    expect(byQr.statusCode).toBe(404);
    expect(byQr.json().error.code).toBe(ErrorCode.QrTokenUnknown);
    // The learner picker lists A's learners only.
    const candidates = (await call('GET', `/api/community-sessions/${id}/learners?limit=100`, adminA)).json();
    const ids = candidates.items.map((c: { userId: string }) => c.userId);
    expect(ids).toEqual(expect.arrayContaining(learnersA.map((l) => l.id)));
    expect(ids).not.toContain(learnerB.id);
    // Province admins see both communes.
    const provinceView = await call('GET', `/api/community-sessions/${id}`, provinceAdmin);
    expect(provinceView.statusCode).toBe(200);
  });

  it('records by QR: valid once (rescans idempotent), forged or renewed codes refused; QR carries no personal data', async () => {
    const id = await aSession(teacherA);
    const me = (await call('GET', '/api/me/qr', learnersA[0])).json();
    expect(me.payload).toMatch(/^HOCVU:[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(me.payload).not.toContain(learnersA[0].id);
    expect(me.payload).not.toContain(learnersA[0].phone.slice(1));
    // Shown again: the same code.
    expect((await call('GET', '/api/me/qr', learnersA[0])).json().payload).toBe(me.payload);

    const first = await call('POST', `/api/community-sessions/${id}/attendance/qr`, teacherA, {
      token: me.payload,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      alreadyRecorded: false,
      attendee: { userId: learnersA[0].id, method: 'qr' },
    });
    expect(first.json().attendee.phone).toMatch(/\*\*\*/);
    // The code typed by hand works as well, and a second scan records nothing new.
    const again = await call('POST', `/api/community-sessions/${id}/attendance/qr`, teacherA, {
      token: me.code,
    });
    expect(again.json()).toMatchObject({ alreadyRecorded: true });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM community_session_attendance WHERE session_id = $1`,
      [id],
    );
    expect(n).toBe(1);

    for (const token of ['HOCVU:AAAAAAAAAAAA', learnersA[0].id, 'nonsense']) {
      const forged = await call('POST', `/api/community-sessions/${id}/attendance/qr`, teacherA, { token });
      expect(forged.statusCode).toBe(404);
      expect(forged.json().error.code).toBe(ErrorCode.QrTokenUnknown);
    }
    // Renewing makes the old code useless.
    const renewed = (await call('POST', '/api/me/qr/renew', learnersA[0])).json();
    expect(renewed.payload).not.toBe(me.payload);
    const otherSession = await aSession(teacherA);
    const old = await call('POST', `/api/community-sessions/${otherSession}/attendance/qr`, teacherA, {
      token: me.payload,
    });
    expect(old.statusCode).toBe(404);
    expect(parseQrToken(renewed.payload)).not.toBeNull();
  });

  it('records from the list (all or nothing), takes back mistakes, refuses sessions far ahead', async () => {
    const id = await aSession(adminA);
    const ticked = await call('POST', `/api/community-sessions/${id}/attendance`, adminA, {
      userIds: [learnersA[1].id, learnersA[2].id],
    });
    expect(ticked.json()).toEqual({ recorded: 2, alreadyRecorded: 0 });
    const again = await call('POST', `/api/community-sessions/${id}/attendance`, adminA, {
      userIds: [learnersA[2].id, learnersA[3].id],
    });
    expect(again.json()).toEqual({ recorded: 1, alreadyRecorded: 1 });
    const mixed = await call('POST', `/api/community-sessions/${id}/attendance`, adminA, {
      userIds: [learnersA[0].id, adminA.id],
    });
    expect(mixed.statusCode).toBe(404);
    const search = (
      await call('GET', `/api/community-sessions/${id}/learners?q=${learnersA[1].phone.slice(-4)}`, adminA)
    ).json();
    expect(search.items).toEqual([
      expect.objectContaining({
        userId: learnersA[1].id,
        attending: true,
        phone: expect.stringMatching(/\*\*\*/),
      }),
    ]);
    // Phones match by their last 3–4 digits or as a whole number only: the masked middle digits
    // (0912 [345] 678) find nobody, so a search cannot unmask them.
    const found = async (q: string) =>
      (
        await call(
          'GET',
          `/api/community-sessions/${id}/learners?q=${encodeURIComponent(q)}&limit=100`,
          adminA,
        )
      )
        .json()
        .items.map((item: { userId: string }) => item.userId);
    const phone = learnersA[1].phone; // 09xxxxxxxx
    expect(await found(phone.slice(-3))).toContain(learnersA[1].id);
    expect(await found(phone)).toEqual([learnersA[1].id]);
    expect(await found(`+84${phone.slice(1)}`)).toEqual([learnersA[1].id]);
    const probes = [
      phone.slice(4, 7),
      phone.slice(3, 7),
      phone.slice(2, 9),
      phone.slice(-5),
      phone.slice(0, -1),
    ];
    // (A middle probe that happens to equal the last digits is not a probe of the middle.)
    for (const probe of probes.filter((digits) => !phone.endsWith(digits))) {
      expect(await found(probe)).not.toContain(learnersA[1].id);
    }
    expect(
      (await call('DELETE', `/api/community-sessions/${id}/attendance/${learnersA[3].id}`, adminA))
        .statusCode,
    ).toBe(204);
    expect(
      (await call('DELETE', `/api/community-sessions/${id}/attendance/${learnersA[3].id}`, adminA))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/community-sessions/${id}`, adminA)).json().attendees).toHaveLength(2);

    const nextWeek = await aSession(adminA, { startsAt: hourFromNow(24 * 7) });
    const early = await call('POST', `/api/community-sessions/${nextWeek}/attendance`, adminA, {
      userIds: [learnersA[0].id],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe(ErrorCode.CommunitySessionNotStarted);
    const upcoming = (await call('GET', '/api/community-sessions?when=upcoming', adminA)).json();
    expect(upcoming.items.map((s: { id: string }) => s.id)).toContain(nextWeek);

    // Recording closes 24 hours after the end (start + duration + 24 h), by list and by QR alike.
    const ended = await aSession(adminA, { startsAt: hourFromNow(-25), durationMinutes: 90 });
    const late = await call('POST', `/api/community-sessions/${ended}/attendance`, adminA, {
      userIds: [learnersA[0].id],
    });
    expect(late.statusCode).toBe(200);
    const old = await aSession(adminA, { startsAt: hourFromNow(-27), durationMinutes: 90 });
    for (const response of [
      await call('POST', `/api/community-sessions/${old}/attendance`, adminA, { userIds: [learnersA[0].id] }),
      await call('POST', `/api/community-sessions/${old}/attendance/qr`, teacherA, {
        token: await qrOf(learnersA[0]),
      }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe(ErrorCode.CommunitySessionClosed);
    }
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM community_session_attendance WHERE session_id = $1`,
      [old],
    );
    expect(n).toBe(0);
  });

  it('cancels (audited, idempotent): no attendance or enrolment afterwards; enrols attendees of a held session', async () => {
    const id = await aSession(adminA, { courseId });
    await call('POST', `/api/community-sessions/${id}/attendance`, adminA, {
      userIds: [learnersA[0].id, learnersA[1].id],
    });
    const enrolled = await call('POST', `/api/community-sessions/${id}/enrol`, adminA);
    expect(enrolled.json()).toEqual({ enrolled: 2, alreadyEnrolled: 0 });
    expect((await call('POST', `/api/community-sessions/${id}/enrol`, adminA)).json()).toEqual({
      enrolled: 0,
      alreadyEnrolled: 2,
    });
    const rows = await t.db.query(
      `SELECT 1 FROM enrolments WHERE course_id = $1 AND user_id = ANY($2::uuid[])`,
      [courseId, [learnersA[0].id, learnersA[1].id]],
    );
    expect(rows).toHaveLength(2);

    const cancelled = await call('POST', `/api/community-sessions/${id}/cancel`, adminA, {
      reason: 'Mưa lớn',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ cancelReason: 'Mưa lớn' });
    expect(cancelled.json().cancelledAt).not.toBeNull();
    expect((await call('POST', `/api/community-sessions/${id}/cancel`, adminA, {})).json().cancelledAt).toBe(
      cancelled.json().cancelledAt,
    );
    for (const [url, payload] of [
      [`/api/community-sessions/${id}/attendance`, { userIds: [learnersA[2].id] }],
      [`/api/community-sessions/${id}/attendance/qr`, { token: await qrOf(learnersA[2]) }],
      [`/api/community-sessions/${id}/enrol`, {}],
    ] as const) {
      const response = await call('POST', url, adminA, payload);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe(ErrorCode.CommunitySessionCancelled);
    }
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'community_session.cancel' AND target_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('the dashboard’s community figures equal a count from scratch, per commune and for the province', async () => {
    // Ambassadors in A: one with five learners, one with one; a cancelled session with attendance must not count.
    const [big, small] = [learnersA[0], learnersA[1]];
    await t.db.query(`UPDATE users SET ambassador = true WHERE id = ANY($1::uuid[])`, [[big.id, small.id]]);
    const helped: string[] = [];
    for (let index = 0; index < AMBASSADOR_MINIMUM_LEARNERS + 1; index += 1) {
      helped.push((await aSignedInUser(t, Role.Learner, communeA)).id);
    }
    await t.db.query(
      `INSERT INTO ambassador_learners (ambassador_id, learner_id)
       SELECT $1::uuid, unnest($2::uuid[]) UNION ALL SELECT $3::uuid, $4::uuid`,
      [big.id, helped.slice(0, AMBASSADOR_MINIMUM_LEARNERS), small.id, helped[AMBASSADOR_MINIMUM_LEARNERS]],
    );
    const cancelled = await aSession(adminA);
    await call('POST', `/api/community-sessions/${cancelled}/attendance`, adminA, {
      userIds: [learnersA[3].id],
    });
    await call('POST', `/api/community-sessions/${cancelled}/cancel`, adminA, {});
    const inB = await aSession(adminB);
    await call('POST', `/api/community-sessions/${inB}/attendance`, adminB, { userIds: [learnerB.id] });

    async function fromScratch(communes: string[]) {
      const year = new Date().getUTCFullYear();
      const [row] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM users WHERE ambassador AND role = 'learner' AND status = 'active'
                   AND commune_id = ANY($1::uuid[])) AS ambassadors,
                (SELECT count(*)::int FROM ambassador_learners l JOIN users a ON a.id = l.ambassador_id
                  WHERE a.ambassador AND a.commune_id = ANY($1::uuid[])) AS "learnersWithAmbassador",
                (SELECT count(*)::int FROM users a WHERE a.ambassador AND a.commune_id = ANY($1::uuid[])
                   AND (SELECT count(*) FROM ambassador_learners l WHERE l.ambassador_id = a.id) >= 5)
                  AS "ambassadorsWithMinimum",
                (SELECT count(*)::int FROM community_sessions s WHERE s.commune_id = ANY($1::uuid[])
                   AND s.cancelled_at IS NULL AND s.starts_at <= now()
                   AND extract(year FROM s.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = $2) AS "sessionsHeld",
                (SELECT count(*)::int FROM community_session_attendance a JOIN community_sessions s ON s.id = a.session_id
                  WHERE s.commune_id = ANY($1::uuid[]) AND s.cancelled_at IS NULL AND s.starts_at <= now()
                    AND extract(year FROM s.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = $2) AS attendances`,
        [communes, year],
      );
      return {
        ...row,
        minimumLearners: 5,
        averageAttendance:
          row.sessionsHeld === 0 ? null : Math.round((row.attendances / row.sessionsHeld) * 10) / 10,
      };
    }
    // The dashboard reads aggregates: refreshed as the worker's RefreshCampaignStats does.
    for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await t.db.query(statement);
    const communeView = (await call('GET', '/api/campaign/dashboard', adminA)).json().community;
    expect(communeView).toEqual(await fromScratch([communeA]));
    expect(communeView).toMatchObject({
      ambassadors: 2,
      learnersWithAmbassador: 6,
      ambassadorsWithMinimum: 1,
    });
    expect(communeView.sessionsHeld).toBeGreaterThan(0);
    const provinceCommunes = (
      await t.db.query<{ id: string }[]>(`SELECT id FROM admin_units WHERE parent_id = $1`, [provinceId])
    ).map((row) => row.id);
    const provinceView = (
      await call('GET', `/api/campaign/dashboard?unitId=${provinceId}`, provinceAdmin)
    ).json();
    expect(provinceView.community).toEqual(await fromScratch(provinceCommunes));
    // Commune B's admin sees B's figures only.
    expect((await call('GET', '/api/campaign/dashboard', adminB)).json().community).toEqual(
      await fromScratch([communeB]),
    );
  });
});

import { ErrorCode, Permission, Role } from '@hocvu/contracts';
import { randomInt } from 'node:crypto';

import {
  aCourse,
  aProvinceWithCommunes,
  aSignedInUser,
  SignedInUser,
  signIn,
  TEST_PASSWORD,
} from '../../../test/builders';
import { createTestApp, TestApp, uniquePhone } from '../../../test/test-app';

/**
 * Digital ambassadors on the real API and database: who may mark them, the link rules (one ambassador
 * per learner, same commune only, flagged learners only), new passwordless accounts, and progress
 * figures equal to a count from the raw tables.
 */
describe('digital ambassadors (integration)', () => {
  let t: TestApp;
  let communeA: string;
  let communeB: string;
  let communeAdminA: SignedInUser;
  let communeAdminB: SignedInUser;
  let provinceAdmin: SignedInUser;
  let ambassador: SignedInUser;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    user: SignedInUser,
    payload?: object,
  ) => t.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });
  const mark = (userId: string, value: boolean, admin: SignedInUser) =>
    call('PUT', `/api/users/${userId}/ambassador`, admin, { ambassador: value });
  const register = (user: SignedInUser, payload: object) =>
    call('POST', '/api/me/ambassador/learners', user, payload);

  beforeAll(async () => {
    t = await createTestApp();
    ({ communeA, communeB } = await aProvinceWithCommunes(t));
    communeAdminA = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    communeAdminB = await aSignedInUser(t, Role.CommuneAdmin, communeB);
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    ambassador = await aSignedInUser(t, Role.Learner, communeA);
  });
  afterAll(() => t.close());

  it('admins mark learners of their own commune (audited); other communes and staff are refused', async () => {
    const outside = await mark(ambassador.id, true, communeAdminB);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe(ErrorCode.UserNotFound);

    const staff = await mark(communeAdminB.id, true, provinceAdmin);
    expect(staff.statusCode).toBe(422);
    expect(staff.json().error.code).toBe(ErrorCode.NotALearner);

    const marked = await mark(ambassador.id, true, communeAdminA);
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual({ userId: ambassador.id, ambassador: true, learners: 0 });
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'user.ambassador_marked' AND target_id = $1`,
      [ambassador.id],
    );
    expect(audit).toHaveLength(1);

    // The flag shows in the admin list and, as a permission, in the ambassador's own profile.
    const list = await call('GET', `/api/users?ambassador=true`, communeAdminA);
    expect(list.json().items.map((user: { id: string }) => user.id)).toEqual([ambassador.id]);
    const me = await call('GET', '/api/me', ambassador);
    expect(me.json().permissions).toContain(Permission.AmbassadorHelp);
    const plain = await aSignedInUser(t, Role.Learner, communeA);
    expect((await call('GET', '/api/me', plain)).json().permissions).not.toContain(Permission.AmbassadorHelp);
  });

  it('a learner without the flag is refused on every ambassador endpoint', async () => {
    const plain = await aSignedInUser(t, Role.Learner, communeA);
    for (const response of [
      await call('GET', '/api/me/ambassador/learners', plain),
      await register(plain, { phone: uniquePhone(), fullName: 'Lò Văn Pọm' }),
      await call('DELETE', `/api/me/ambassador/learners/${ambassador.id}`, plain),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe(ErrorCode.NotAnAmbassador);
    }
  });

  it('registers new learners as passwordless accounts in the ambassador’s commune, and links existing ones', async () => {
    const phone = uniquePhone();
    const created = await register(ambassador, { phone, fullName: 'Lò Thị Ánh', birthYear: 1956 });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      created: true,
      learner: { fullName: 'Lò Thị Ánh', enrolledCourses: 0 },
    });
    expect(created.json().learner.phone).toMatch(/^\+849\d\d\*\*\*\d{3}$/);
    const [account] = await t.db.query(
      `SELECT role, commune_id AS "communeId", password_hash AS "passwordHash", created_by AS "createdBy", birth_year AS "birthYear"
         FROM users WHERE phone = $1`,
      [`+84${phone.slice(1)}`],
    );
    expect(account).toEqual({
      role: 'learner',
      communeId: communeA,
      passwordHash: '!roster',
      createdBy: ambassador.id,
      birthYear: 1956,
    });

    // Without a phone: by citizen id, stored encrypted with its look-up hash.
    const citizenId = `0110${String(randomInt(100_000_000)).padStart(8, '0')}`;
    const byId = await register(ambassador, { citizenId, fullName: 'Quàng Văn Sáng' });
    expect(byId.statusCode).toBe(200);
    const [stored] = await t.db.query(`SELECT citizen_id_enc AS enc FROM users WHERE id = $1`, [
      byId.json().learner.id,
    ]);
    expect(stored.enc).not.toContain(citizenId);
    // The same citizen id again links the same account (idempotent), never a second one.
    const again = await register(ambassador, { citizenId });
    expect(again.json()).toMatchObject({ created: false, learner: { id: byId.json().learner.id } });

    // An existing learner of the commune, found by phone.
    const existing = await aSignedInUser(t, Role.Learner, communeA);
    const linked = await register(ambassador, { phone: existing.phone });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ created: false, learner: { id: existing.id } });

    // A new learner needs a name; phone or id is required.
    expect((await register(ambassador, { phone: uniquePhone() })).statusCode).toBe(400);
    expect((await register(ambassador, { fullName: 'Không ai' })).statusCode).toBe(400);
    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE actor_id = $1 AND action LIKE 'ambassador.%' ORDER BY created_at`,
      [ambassador.id],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'ambassador.learner_registered',
      'ambassador.learner_registered',
      'ambassador.learner_linked',
    ]);
  });

  it('a learner has at most one ambassador, of the same commune; staff and oneself cannot be linked', async () => {
    const other = await aSignedInUser(t, Role.Learner, communeA);
    await mark(other.id, true, communeAdminA);
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    expect((await register(ambassador, { phone: learner.phone })).statusCode).toBe(200);
    const second = await register(other, { phone: learner.phone });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe(ErrorCode.LearnerHasAmbassador);

    const elsewhere = await aSignedInUser(t, Role.Learner, communeB);
    const outside = await register(ambassador, { phone: elsewhere.phone });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe(ErrorCode.UnitOutOfScope);

    const staff = await register(ambassador, { phone: communeAdminA.phone });
    expect(staff.statusCode).toBe(422);
    expect(staff.json().error.code).toBe(ErrorCode.NotALearner);
    expect((await register(ambassador, { phone: ambassador.phone })).statusCode).toBe(400);

    // Nothing of that was written.
    const [links] = await t.db.query(
      `SELECT count(*)::int AS n FROM ambassador_learners WHERE learner_id = ANY($1::uuid[])`,
      [[elsewhere.id, communeAdminA.id, ambassador.id]],
    );
    expect(links.n).toBe(0);

    // Unlinking frees the learner for another ambassador; another's learner cannot be unlinked.
    expect((await call('DELETE', `/api/me/ambassador/learners/${learner.id}`, other)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/me/ambassador/learners/${learner.id}`, ambassador)).statusCode).toBe(
      204,
    );
    expect((await register(other, { phone: learner.phone })).statusCode).toBe(200);
  });

  it('lists the helped learners with progress equal to a count from scratch', async () => {
    const teacher = await aSignedInUser(t, Role.Teacher);
    const course = await aCourse(t, teacher);
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    await register(ambassador, { phone: learner.phone });
    // Some progress for this learner: enrolled, completed and certified, confirmed on VNeID.
    const [version] = await t.db.query(`SELECT id FROM course_versions WHERE course_id = $1 LIMIT 1`, [
      course.id,
    ]);
    const [enrolment] = await t.db.query(
      `INSERT INTO enrolments (course_id, user_id) VALUES ($1, $2) RETURNING id`,
      [course.id, learner.id],
    );
    await t.db.query(
      `INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id) VALUES ($1, $2, $3, $4)`,
      [enrolment.id, learner.id, course.id, version.id],
    );
    const [certificate] = await t.db.query(
      `INSERT INTO certificates (serial, kind, enrolment_id, user_id, course_id, learner_name, title, completed_at,
                                 status_list, status_index, credential)
       VALUES ('DB-2026-' || lpad(nextval('certificate_serial_seq')::text, 6, '0'), 'course', $1, $2, $3,
               'Người học', 'Khoá học', now(), 1, nextval('certificate_status_index_seq'), '{}'::jsonb)
       RETURNING id`,
      [enrolment.id, learner.id, course.id],
    );
    await t.db.query(
      `INSERT INTO certificate_attestations (certificate_id, idempotency_key, state, decided_at) VALUES ($1, $2, 'confirmed', now())`,
      [certificate.id, `certificate:${certificate.id}`],
    );

    const response = await call('GET', '/api/me/ambassador/learners', ambassador);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.minimumLearners).toBe(5);
    const scratch = await t.db.query(
      `SELECT u.id,
              (SELECT count(*)::int FROM enrolments e WHERE e.user_id = u.id) AS enrolled,
              (SELECT count(*)::int FROM course_completions c WHERE c.user_id = u.id) AS completed,
              (SELECT count(*)::int FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL) AS certificates
         FROM users u JOIN ambassador_learners l ON l.learner_id = u.id WHERE l.ambassador_id = $1`,
      [ambassador.id],
    );
    expect(body.items).toHaveLength(scratch.length);
    for (const row of scratch) {
      const item = body.items.find((candidate: { id: string }) => candidate.id === row.id);
      expect(item).toMatchObject({
        enrolledCourses: row.enrolled,
        completedCourses: row.completed,
        certificates: row.certificates,
      });
    }
    expect(body.items.find((item: { id: string }) => item.id === learner.id)).toMatchObject({
      enrolledCourses: 1,
      completedCourses: 1,
      certificates: 1,
      confirmedOnVneid: true,
      identityVerified: false,
    });
  });

  it('unmarking removes the links and the access at once (even with a token issued before)', async () => {
    const former = await aSignedInUser(t, Role.Learner, communeA);
    await mark(former.id, true, provinceAdmin);
    const helped = await aSignedInUser(t, Role.Learner, communeA);
    expect((await register(former, { phone: helped.phone })).statusCode).toBe(200);
    const unmarked = await mark(former.id, false, communeAdminA);
    expect(unmarked.json()).toEqual({ userId: former.id, ambassador: false, learners: 0 });
    const refused = await call('GET', '/api/me/ambassador/learners', former);
    expect(refused.statusCode).toBe(403);
    const audit = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'user.ambassador_unmarked' AND target_id = $1`,
      [former.id],
    );
    expect(audit).toEqual([{ details: { unlinked: 1 } }]);
    // The helped learner's account stays; a new sign-in of theirs works as before.
    await signIn(t, helped.phone, TEST_PASSWORD);
  });
});

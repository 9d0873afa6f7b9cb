import { ErrorCode, Permission, Role } from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
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
  // A name is always required (so the answer never depends on whether the account exists).
  const register = (user: SignedInUser, payload: object) =>
    call('POST', '/api/me/ambassador/learners', user, { fullName: 'Người được giúp', ...payload });
  const moveTo = (user: SignedInUser, communeId: string) =>
    t.app.inject({ method: 'PATCH', url: '/api/me', headers: user.auth, payload: { communeId } });

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

    // A name is required (even to link an existing learner); phone or id is required.
    expect((await register(ambassador, { phone: uniquePhone(), fullName: undefined })).statusCode).toBe(400);
    expect((await register(ambassador, { phone: existing.phone, fullName: undefined })).statusCode).toBe(400);
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
    expect(outside.statusCode).toBe(409);
    expect(outside.json().error.code).toBe(ErrorCode.HelpedLearnerUnavailable);

    const staff = await register(ambassador, { phone: communeAdminA.phone });
    expect(staff.statusCode).toBe(409);
    expect(staff.json().error.code).toBe(ErrorCode.HelpedLearnerUnavailable);
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
  it('gives one identical answer for every account an ambassador cannot link, and checks input first', async () => {
    const elsewhere = await aSignedInUser(t, Role.Learner, communeB);
    const disabled = await aSignedInUser(t, Role.Learner, communeA);
    await t.db.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.id]);
    const teacher = await aSignedInUser(t, Role.Teacher, communeA);
    const idOwner = await aSignedInUser(t, Role.Learner, communeA);
    const citizenId = `0120${String(randomInt(100_000_000)).padStart(8, '0')}`;
    const cipher = t.app.get(FieldCipher);
    await t.db.query(`UPDATE users SET citizen_id_enc = $2, citizen_id_hash = $3 WHERE id = $1`, [
      idOwner.id,
      cipher.encrypt(citizenId),
      cipher.lookupHash(citizenId),
    ]);
    const sameCommune = await aSignedInUser(t, Role.Learner, communeA);

    const answers = [
      await register(ambassador, { phone: elsewhere.phone }),
      await register(ambassador, { phone: disabled.phone }),
      await register(ambassador, { phone: teacher.phone }),
      await register(ambassador, { phone: communeAdminB.phone }),
      await register(ambassador, { phone: provinceAdmin.phone }),
      // Phone and citizen id of two different accounts (both of the commune).
      await register(ambassador, { phone: sameCommune.phone, citizenId }),
    ];
    for (const answer of answers) {
      expect({ status: answer.statusCode, body: answer.json() }).toEqual({
        status: 409,
        body: {
          error: {
            code: ErrorCode.HelpedLearnerUnavailable,
            message: 'You cannot register this person; the commune office can help',
          },
        },
      });
    }

    // Without a name the answer is the same whether or not (and wherever) the phone is registered.
    const nameless = [
      await register(ambassador, { phone: uniquePhone(), fullName: undefined }),
      await register(ambassador, { phone: elsewhere.phone, fullName: undefined }),
      await register(ambassador, { phone: teacher.phone, fullName: undefined }),
      await register(ambassador, { phone: sameCommune.phone, fullName: undefined }),
    ];
    const first = nameless[0].json();
    expect(nameless[0].statusCode).toBe(400);
    expect(first.error.details.map((field: { field: string }) => field.field)).toEqual(['fullName']);
    for (const answer of nameless) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.details).toEqual(first.error.details);
    }

    // Nothing was linked or created.
    const [links] = await t.db.query(
      `SELECT count(*)::int AS n FROM ambassador_learners WHERE learner_id = ANY($1::uuid[])`,
      [[elsewhere.id, disabled.id, teacher.id, idOwner.id, sameCommune.id]],
    );
    expect(links.n).toBe(0);
  });

  it('a learner who moves commune stops being an ambassador and loses their links, both ways (audited)', async () => {
    const mover = await aSignedInUser(t, Role.Learner, communeA);
    await mark(mover.id, true, communeAdminA);
    const helpedA = [
      await aSignedInUser(t, Role.Learner, communeA),
      await aSignedInUser(t, Role.Learner, communeA),
    ];
    for (const learner of helpedA)
      expect((await register(mover, { phone: learner.phone })).statusCode).toBe(200);
    // The mover is also helped by another ambassador of commune A.
    expect((await register(ambassador, { phone: mover.phone })).statusCode).toBe(200);

    const moved = await moveTo(mover, communeB);
    expect(moved.statusCode).toBe(200);
    const [account] = await t.db.query(
      `SELECT ambassador, commune_id AS "communeId" FROM users WHERE id = $1`,
      [mover.id],
    );
    expect(account).toEqual({ ambassador: false, communeId: communeB });
    const [links] = await t.db.query(
      `SELECT count(*)::int AS n FROM ambassador_learners WHERE ambassador_id = $1 OR learner_id = $1`,
      [mover.id],
    );
    expect(links.n).toBe(0);
    const audit = await t.db.query(
      `SELECT actor_id AS "actorId", details FROM audit_log
        WHERE action = 'ambassador.links_dropped_on_move' AND target_id = $1`,
      [mover.id],
    );
    expect(audit).toEqual([
      {
        actorId: mover.id,
        details: {
          fromCommuneId: communeA,
          toCommuneId: communeB,
          ambassadorUnmarked: true,
          learnersUnlinked: 2,
          ambassadorUnlinked: 1,
        },
      },
    ]);
    // Even with the token issued before the move, commune B's learners cannot be linked or read.
    const learnerB = await aSignedInUser(t, Role.Learner, communeB);
    const link = await register(mover, { phone: learnerB.phone });
    expect(link.statusCode).toBe(403);
    expect(link.json().error.code).toBe(ErrorCode.NotAnAmbassador);
    expect((await call('GET', '/api/me/ambassador/learners', mover)).statusCode).toBe(403);
    // The old ambassador's list no longer holds the mover; the learners the mover helped are free again.
    const list = (await call('GET', '/api/me/ambassador/learners', ambassador)).json();
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(mover.id);
    expect((await register(ambassador, { phone: helpedA[0].phone })).statusCode).toBe(200);

    // A helped learner who moves leaves their ambassador; a move without links is not audited.
    const helpedMover = helpedA[0];
    expect((await moveTo(helpedMover, communeB)).statusCode).toBe(200);
    const after = (await call('GET', '/api/me/ambassador/learners', ambassador)).json();
    expect(after.items.map((item: { id: string }) => item.id)).not.toContain(helpedMover.id);
    const [helpedAudit] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'ambassador.links_dropped_on_move' AND target_id = $1`,
      [helpedMover.id],
    );
    expect(helpedAudit.details).toMatchObject({
      ambassadorUnmarked: false,
      learnersUnlinked: 0,
      ambassadorUnlinked: 1,
    });
    expect((await moveTo(helpedMover, communeA)).statusCode).toBe(200);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ambassador.links_dropped_on_move' AND target_id = $1`,
      [helpedMover.id],
    );
    expect(n).toBe(1);
  });
  it('a registration racing an unmarking waits for it and is refused (the ambassador row is locked)', async () => {
    const racer = await aSignedInUser(t, Role.Learner, communeA);
    await mark(racer.id, true, communeAdminA);
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    // An admin's unmarking in progress: the row is locked and changed, not yet committed.
    const unmarking = t.db.createQueryRunner();
    await unmarking.connect();
    try {
      await unmarking.startTransaction();
      await unmarking.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [racer.id]);
      await unmarking.query(`UPDATE users SET ambassador = false WHERE id = $1`, [racer.id]);
      const pending = register(racer, { phone: learner.phone });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await unmarking.commitTransaction();
      const response = await pending;
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe(ErrorCode.NotAnAmbassador);
    } finally {
      await unmarking.release();
    }
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM ambassador_learners WHERE ambassador_id = $1`,
      [racer.id],
    );
    expect(n).toBe(0);
  });
});

import {
  CAMPAIGN_STAGES,
  CAMPAIGN_STATS_REFRESH_SQL,
  ErrorCode,
  Role,
  TARGET_GROUPS,
} from '@hocvu/contracts';
import { randomInt } from 'node:crypto';

import { aCourse, aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

type Counts = Record<(typeof CAMPAIGN_STAGES)[number], number>;

/**
 * Campaign dashboards on the real API and database: after random activity the aggregates equal a count
 * from scratch over the raw tables, commune admins are held to their commune, targets turn into progress.
 */
describe('campaign dashboard and targets (integration)', () => {
  let t: TestApp;
  let provinceId: string;
  let communeA: string;
  let communeB: string;
  let provinceAdmin: SignedInUser;
  let communeAdminA: SignedInUser;
  /** Every commune of the province: another spec file may have drawn the same 2-digit province code. */
  let provinceCommunes: string[];

  beforeAll(async () => {
    t = await createTestApp();
    ({ provinceId, communeA, communeB } = await aProvinceWithCommunes(t));
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdminA = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    const teacher = await aSignedInUser(t, Role.Teacher);
    const courses = [await aCourse(t, teacher), await aCourse(t, teacher)];
    const versions = await t.db.query<{ courseId: string; versionId: string }[]>(
      `SELECT course_id AS "courseId", id AS "versionId" FROM course_versions WHERE course_id = ANY($1::uuid[])`,
      [courses.map((course) => course.id)],
    );

    // Random activity: 60 learners over both communes, each going some way down the funnel.
    for (let index = 0; index < 60; index += 1) {
      const commune = index % 3 === 0 ? communeB : communeA;
      const consented = randomInt(2) === 1;
      const [user] = await t.db.query<{ id: string }[]>(
        `INSERT INTO users (phone, password_hash, role, full_name, commune_id, target_group, birth_year,
                            disability, attributes_consented_at)
         VALUES ($1, '!', 'learner', $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          `+849${String(randomInt(100_000_000)).padStart(8, '0')}`,
          `Người học ${index}`,
          commune,
          randomInt(5) === 0 ? null : TARGET_GROUPS[randomInt(TARGET_GROUPS.length)],
          1940 + randomInt(70),
          consented ? randomInt(4) === 0 : null,
          consented ? new Date() : null,
        ],
      );
      const depth = randomInt(5); // 0 registered … 4 confirmed
      for (const [courseIndex, course] of courses.entries()) {
        if (depth < 1 || (courseIndex === 1 && randomInt(2) === 0)) continue;
        const [enrolment] = await t.db.query<{ id: string }[]>(
          `INSERT INTO enrolments (course_id, user_id, enrolled_at) VALUES ($1, $2, now() - make_interval(days => $3))
           RETURNING id`,
          [course.id, user.id, randomInt(60)],
        );
        if (depth < 2) continue;
        const version = versions.find((row) => row.courseId === course.id)!.versionId;
        await t.db.query(
          `INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id, completed_at)
           VALUES ($1, $2, $3, $4, now() - make_interval(days => $5))`,
          [enrolment.id, user.id, course.id, version, randomInt(30)],
        );
        if (depth < 3) continue;
        const revoked = randomInt(6) === 0;
        const [certificate] = await t.db.query<{ id: string }[]>(
          `INSERT INTO certificates (serial, kind, enrolment_id, user_id, course_id, learner_name, title, completed_at,
                                     status_list, status_index, credential, revoked_at, revoked_reason)
           VALUES ('DB-2026-' || lpad(nextval('certificate_serial_seq')::text, 6, '0'), 'course', $1, $2, $3,
                   'Người học', 'Khoá học', now(), 1, nextval('certificate_status_index_seq'), '{}'::jsonb,
                   CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN 'thử' END)
           RETURNING id`,
          [enrolment.id, user.id, course.id, revoked],
        );
        if (depth < 4) continue;
        await t.db.query(
          `INSERT INTO certificate_attestations (certificate_id, idempotency_key, state, decided_at)
           VALUES ($1, $2, $3, now())`,
          [certificate.id, `certificate:${certificate.id}`, randomInt(5) === 0 ? 'failed' : 'confirmed'],
        );
      }
    }
    for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await t.db.query(statement);
    provinceCommunes = (
      await t.db.query<{ id: string }[]>(`SELECT id FROM admin_units WHERE parent_id = $1`, [provinceId])
    ).map((row) => row.id);
  });
  afterAll(() => t.close());

  /** The funnel of some communes counted from the raw tables, as the definition in docs/campaign.md reads. */
  async function fromScratch(communes: string[], extra = 'true'): Promise<Counts> {
    const [row] = await t.db.query<Counts[]>(
      `SELECT count(*)::int AS registered,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.user_id = u.id))::int AS enrolled,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM course_completions c WHERE c.user_id = u.id))::int AS completed,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL))::int AS certified,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM certificates c JOIN certificate_attestations a ON a.certificate_id = c.id
                 WHERE c.user_id = u.id AND c.revoked_at IS NULL AND a.state = 'confirmed'))::int AS confirmed
         FROM users u
        WHERE u.role = 'learner' AND u.status = 'active' AND u.commune_id = ANY($1::uuid[]) AND ${extra}`,
      [communes],
    );
    return row;
  }

  const get = (url: string, user: SignedInUser) => t.app.inject({ method: 'GET', url, headers: user.auth });
  const put = (payload: Record<string, unknown>, user: SignedInUser) =>
    t.app.inject({ method: 'PUT', url: '/api/campaign/targets', payload, headers: user.auth });
  const funnelOf = (body: { funnel: { stage: string; learners: number }[] }) =>
    Object.fromEntries(body.funnel.map((stage) => [stage.stage, stage.learners])) as Counts;

  it('the province funnel equals a count from scratch, and so do its breakdowns', async () => {
    const response = await get(`/api/campaign/dashboard?unitId=${provinceId}&year=2026`, provinceAdmin);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(funnelOf(body).registered).toBeGreaterThanOrEqual(60);
    expect(await fromScratch([communeA, communeB])).toMatchObject({ registered: 60 });
    expect(funnelOf(body)).toEqual(await fromScratch(provinceCommunes));
    expect(body.elderly).toEqual(
      await fromScratch(provinceCommunes, 'u.birth_year <= extract(year FROM now())::int - 60'),
    );
    expect(body.disability).toEqual(await fromScratch(provinceCommunes, 'COALESCE(u.disability, false)'));
    for (const group of body.byTargetGroup as ({ targetGroup: string | null } & Counts)[]) {
      const { targetGroup, ...counts } = group;
      expect(counts).toEqual(
        await fromScratch(
          provinceCommunes,
          targetGroup === null ? 'u.target_group IS NULL' : `u.target_group = '${targetGroup}'`,
        ),
      );
    }
    // Weekly points add up to the learners who reached each stage (all activity is within the last 60 days).
    const weeklyRegistered = (body.weekly as Counts[]).reduce((sum, week) => sum + week.registered, 0);
    expect(weeklyRegistered).toBe(body.funnel[0].learners);
    expect(body.communes.map((c: { communeId: string }) => c.communeId).sort()).toEqual(
      [...provinceCommunes].sort(),
    );
  });

  it('a commune admin sees their commune, and is refused any other unit on every endpoint', async () => {
    const own = await get('/api/campaign/dashboard', communeAdminA);
    expect(own.statusCode).toBe(200);
    expect(own.json().unit).toMatchObject({ id: communeA, kind: 'commune' });
    expect(funnelOf(own.json())).toEqual(await fromScratch([communeA]));
    expect(own.json().communes).toEqual([]);

    for (const url of [
      `/api/campaign/dashboard?unitId=${communeB}`,
      `/api/campaign/dashboard?unitId=${provinceId}`,
      `/api/campaign/targets?year=2026&unitId=${communeB}`,
    ]) {
      const response = await get(url, communeAdminA);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe(ErrorCode.UnitOutOfScope);
    }
    const setting = await put(
      { year: 2026, unitId: communeA, targetGroup: null, metric: 'confirmed', kind: 'count', value: 5 },
      communeAdminA,
    );
    expect(setting.statusCode).toBe(403);
  });

  it('targets become progress: counts, percentages of a population, and the communes ranking', async () => {
    const scratch = await fromScratch(provinceCommunes);
    const setProvince = await put(
      { year: 2026, unitId: provinceId, targetGroup: null, metric: 'confirmed', kind: 'count', value: 10 },
      provinceAdmin,
    );
    expect(setProvince.statusCode).toBe(200);
    await put(
      {
        year: 2026,
        unitId: provinceId,
        targetGroup: null,
        metric: 'registered',
        kind: 'percent',
        value: 50,
        populationBase: 200,
      },
      provinceAdmin,
    );
    // Setting the same target again replaces it.
    await put(
      { year: 2026, unitId: provinceId, targetGroup: null, metric: 'confirmed', kind: 'count', value: 20 },
      provinceAdmin,
    );
    await put(
      { year: 2026, unitId: communeA, targetGroup: null, metric: 'confirmed', kind: 'count', value: 1000 },
      provinceAdmin,
    );
    await put(
      { year: 2026, unitId: communeB, targetGroup: null, metric: 'confirmed', kind: 'count', value: 1 },
      provinceAdmin,
    );

    const body = (await get(`/api/campaign/dashboard?unitId=${provinceId}&year=2026`, provinceAdmin)).json();
    const confirmed = body.funnel.find((stage: { stage: string }) => stage.stage === 'confirmed');
    expect(confirmed.target).toEqual({
      kind: 'count',
      value: 20,
      populationBase: null,
      targetCount: 20,
      progressPercent: Math.round((scratch.confirmed / 20) * 1000) / 10,
    });
    const registered = body.funnel.find((stage: { stage: string }) => stage.stage === 'registered');
    expect(registered.target).toMatchObject({
      kind: 'percent',
      value: 50,
      populationBase: 200,
      targetCount: 100,
    });
    // Commune B's target of 1 puts it first as soon as it has one confirmation; A's 1000 is far off.
    const ranking = body.communes as { communeId: string; progressPercent: number | null }[];
    const { confirmed: confirmedInB } = await fromScratch([communeB]);
    if (confirmedInB > 0) expect(ranking[0].communeId).toBe(communeB);
    const ours = ranking.filter((row) => row.communeId === communeA || row.communeId === communeB);
    expect(ours.every((row) => row.progressPercent !== null)).toBe(true);

    const list = (await get(`/api/campaign/targets?year=2026&unitId=${provinceId}`, provinceAdmin)).json();
    expect(list.items).toHaveLength(4);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'campaign.target_set' AND actor_id = $1`,
      [provinceAdmin.id],
    );
    expect(audit).toHaveLength(5);
  });

  it('reads the maintained aggregates: new activity shows after the refresh, not before', async () => {
    const before = funnelOf((await get('/api/campaign/dashboard', communeAdminA)).json());
    await t.db.query(
      `INSERT INTO users (phone, password_hash, role, full_name, commune_id) VALUES ($1, '!', 'learner', 'Mới', $2)`,
      [`+849${String(randomInt(100_000_000)).padStart(8, '0')}`, communeA],
    );
    expect(funnelOf((await get('/api/campaign/dashboard', communeAdminA)).json())).toEqual(before);
    for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await t.db.query(statement);
    const after = funnelOf((await get('/api/campaign/dashboard', communeAdminA)).json());
    expect(after).toEqual({ ...before, registered: before.registered + 1 });
    expect(after).toEqual(await fromScratch([communeA]));
  });

  it('refuses impossible targets with field errors', async () => {
    const percent = await put(
      { year: 2026, unitId: provinceId, targetGroup: null, metric: 'confirmed', kind: 'percent', value: 120 },
      provinceAdmin,
    );
    expect(percent.statusCode).toBe(400);
    expect(percent.json().error.code).toBe(ErrorCode.ValidationFailed);
    const countWithBase = await put(
      {
        year: 2026,
        unitId: provinceId,
        targetGroup: null,
        metric: 'confirmed',
        kind: 'count',
        value: 5,
        populationBase: 10,
      },
      provinceAdmin,
    );
    expect(countWithBase.statusCode).toBe(400);
    const badGroup = await put(
      { year: 2026, unitId: provinceId, targetGroup: 'aliens', metric: 'confirmed', kind: 'count', value: 5 },
      provinceAdmin,
    );
    expect(badGroup.statusCode).toBe(400);
    const unknownUnit = await get(
      '/api/campaign/dashboard?unitId=00000000-0000-4000-8000-000000000000',
      provinceAdmin,
    );
    expect(unknownUnit.statusCode).toBe(404);
  });
});

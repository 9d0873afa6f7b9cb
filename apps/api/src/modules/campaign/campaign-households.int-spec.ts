import { CAMPAIGN_STATS_REFRESH_SQL, ErrorCode, Role } from '@hocvu/contracts';
import { randomInt } from 'node:crypto';

import { aCourse, aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp, uniquePhone } from '../../../test/test-app';

interface Households {
  registered: number;
  certified: number;
}

/**
 * The "digital family" figure on the dashboard: after random activity (households of one to four
 * members, ids written in varying case, certificates some of them revoked, inactive and staff accounts
 * with household ids too) it equals a count from scratch over users and certificates, per scope.
 */
describe('campaign dashboard: digital-family households (integration)', () => {
  let t: TestApp;
  let provinceId: string;
  let communeA: string;
  let communeB: string;
  let provinceCommunes: string[];
  let provinceAdmin: SignedInUser;
  let communeAdminA: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    ({ provinceId, communeA, communeB } = await aProvinceWithCommunes(t));
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdminA = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    const teacher = await aSignedInUser(t, Role.Teacher);
    const course = await aCourse(t, teacher);
    const tag = randomInt(1_000_000);

    for (let household = 0; household < 25; household += 1) {
      const commune = household % 3 === 0 ? communeB : communeA;
      const members = 1 + randomInt(4);
      for (let member = 0; member < members; member += 1) {
        // The same household written as people write it: "HGD-12", "hgd-12 ".
        const id = `HGD-${tag}-${household}`;
        const written = member % 2 === 0 ? id : ` ${id.toLowerCase()} `;
        // The first member is an active learner; others may be staff or disabled (not counted).
        const odd = member === 0 ? 9 : randomInt(10);
        const [user] = await t.db.query<{ id: string }[]>(
          `INSERT INTO users (phone, password_hash, role, status, full_name, commune_id, household_id,
                              attributes_consented_at)
           VALUES ($1, '!', $2, $3, $4, $5, $6, now()) RETURNING id`,
          [
            `+84${uniquePhone().slice(1)}`,
            odd === 0 ? 'teacher' : 'learner',
            odd === 1 ? 'disabled' : 'active',
            `Thành viên ${household}.${member}`,
            commune,
            written,
          ],
        );
        // Household 1 (commune A) always has a certified member; others by chance.
        const sure = household === 1 && member === 0;
        if (!sure && randomInt(3) !== 0) continue;
        const [enrolment] = await t.db.query<{ id: string }[]>(
          `INSERT INTO enrolments (course_id, user_id) VALUES ($1, $2) RETURNING id`,
          [course.id, user.id],
        );
        await t.db.query(
          `INSERT INTO certificates (serial, kind, enrolment_id, user_id, course_id, learner_name, title, completed_at,
                                     status_list, status_index, credential, revoked_at, revoked_reason)
           VALUES ('DB-2026-' || lpad(nextval('certificate_serial_seq')::text, 6, '0'), 'course', $1, $2, $3,
                   'Người học', 'Khoá học', now(), 1, nextval('certificate_status_index_seq'), '{}'::jsonb,
                   CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN 'thử' END)`,
          [enrolment.id, user.id, course.id, !sure && randomInt(4) === 0],
        );
      }
    }
    // Learners without a household (no consent) count for nothing here.
    for (let index = 0; index < 5; index += 1) {
      await t.db.query(
        `INSERT INTO users (phone, password_hash, role, full_name, commune_id) VALUES ($1, '!', 'learner', 'Không hộ', $2)`,
        [`+84${uniquePhone().slice(1)}`, communeA],
      );
    }
    for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await t.db.query(statement);
    provinceCommunes = (
      await t.db.query<{ id: string }[]>(`SELECT id FROM admin_units WHERE parent_id = $1`, [provinceId])
    ).map((row) => row.id);
  });
  afterAll(() => t.close());

  /** As docs/campaign.md defines it: per commune, distinct household ids of active learners. */
  async function fromScratch(communes: string[]): Promise<Households> {
    const [row] = await t.db.query<Households[]>(
      `SELECT count(DISTINCT (u.commune_id, upper(btrim(u.household_id))))::int AS registered,
              (count(DISTINCT (u.commune_id, upper(btrim(u.household_id)))) FILTER (WHERE EXISTS (
                 SELECT 1 FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)))::int AS certified
         FROM users u
        WHERE u.role = 'learner' AND u.status = 'active' AND u.household_id IS NOT NULL
          AND u.commune_id = ANY($1::uuid[])`,
      [communes],
    );
    return row;
  }

  const dashboard = async (unitId: string, user: SignedInUser) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/campaign/dashboard?unitId=${unitId}`,
      headers: user.auth,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ households: Households }>().households;
  };

  it('counts households with a registered and with a certified member, like a count from scratch', async () => {
    const mine = await fromScratch([communeA, communeB]);
    // The random activity gave something to count, and fewer certified households than households.
    expect(mine.registered).toBe(25);
    expect(mine.certified).toBeGreaterThanOrEqual(1);
    expect(mine.certified).toBeLessThanOrEqual(mine.registered);
    expect(await dashboard(provinceId, provinceAdmin)).toEqual(await fromScratch(provinceCommunes));
    expect(await dashboard(communeA, provinceAdmin)).toEqual(await fromScratch([communeA]));
    expect(await dashboard(communeB, provinceAdmin)).toEqual(await fromScratch([communeB]));
  });

  it("gives a commune admin their own commune's households", async () => {
    expect(await dashboard(communeA, communeAdminA)).toEqual(await fromScratch([communeA]));
  });

  it("refuses commune A's admin commune B's and the province's figures (403)", async () => {
    for (const unitId of [communeB, provinceId]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/campaign/dashboard?unitId=${unitId}`,
        headers: communeAdminA.auth,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe(ErrorCode.UnitOutOfScope);
      expect(response.json()).not.toHaveProperty('households');
    }
  });

  it('follows revocations and withdrawn consent at the next refresh', async () => {
    const before = await fromScratch([communeA]);
    // Withdraw every household id of one certified household, revoke another household's certificates.
    const [certified] = await t.db.query<{ household: string }[]>(
      `SELECT upper(btrim(u.household_id)) AS household FROM users u JOIN certificates c ON c.user_id = u.id
        WHERE u.commune_id = $1 AND u.role = 'learner' AND u.status = 'active' AND c.revoked_at IS NULL LIMIT 1`,
      [communeA],
    );
    await t.db.query(
      `UPDATE users SET household_id = NULL, disability = NULL, ethnic_group = NULL, attributes_consented_at = NULL
        WHERE commune_id = $1 AND upper(btrim(household_id)) = $2`,
      [communeA, certified.household],
    );
    await t.db.query(
      `UPDATE certificates SET revoked_at = now(), revoked_reason = 'thử'
        WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE commune_id = $1 LIMIT 3)`,
      [communeA],
    );
    for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await t.db.query(statement);
    const after = await fromScratch([communeA]);
    expect(await dashboard(communeA, provinceAdmin)).toEqual(after);
    expect(after.registered).toBe(before.registered - 1);
    expect(after.certified).toBeLessThan(before.certified);
  });
});

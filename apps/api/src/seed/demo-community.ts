import { DataSource } from 'typeorm';

import { ROSTER_NO_PASSWORD } from '../modules/rosters/rosters.service';

/** Learners the demo ambassador (Quàng Văn Hùng, 0911000004) helps: elderly neighbours in Mường Ảng. */
const HELPED = [
  { phone: '+84912000101', fullName: 'Lò Thị Ánh', birthYear: 1954, gender: 'female' },
  { phone: '+84912000102', fullName: 'Quàng Văn Pọm', birthYear: 1958, gender: 'male' },
  { phone: '+84912000103', fullName: 'Lường Thị Hoa', birthYear: 1962, gender: 'female' },
  { phone: '+84912000104', fullName: 'Cà Văn Dũng', birthYear: 1966, gender: 'male' },
  { phone: '+84912000105', fullName: 'Vì Thị Mơ', birthYear: 1971, gender: 'female' },
];

const PAST_TITLE = 'Hướng dẫn cài đặt và dùng VNeID';
const UPCOMING_TITLE = 'Thanh toán không dùng tiền mặt cho bà con';

/**
 * Demo ambassadors and community sessions (idempotent): the demo learner becomes a digital ambassador
 * helping five learners, and Mường Ảng gets a class held last week at a bản's cultural house (with its
 * attendance) and one next week. Runs after the demo accounts and courses exist.
 */
export async function seedDemoCommunity(db: DataSource): Promise<{ helped: number; sessions: number }> {
  const [context] = await db.query<{ communeId: string; ambassadorId: string; adminId: string | null }[]>(
    `SELECT u.commune_id AS "communeId", u.id AS "ambassadorId",
            (SELECT id FROM users WHERE phone = '+84911000002') AS "adminId"
       FROM users u WHERE u.phone = '+84911000004' AND u.commune_id IS NOT NULL`,
  );
  if (!context) return { helped: 0, sessions: 0 };
  const { communeId, ambassadorId, adminId } = context;
  await db.query(`UPDATE users SET ambassador = true WHERE id = $1`, [ambassadorId]);

  let helped = 0;
  for (const person of HELPED) {
    const created = await db.query<{ id: string }[]>(
      `INSERT INTO users (phone, password_hash, role, status, full_name, birth_year, gender, commune_id,
                          target_group, created_by)
       VALUES ($1, $2, 'learner', 'active', $3, $4, $5, $6, 'citizen', $7)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        person.phone,
        ROSTER_NO_PASSWORD,
        person.fullName,
        person.birthYear,
        person.gender,
        communeId,
        ambassadorId,
      ],
    );
    if (created.length > 0) helped += 1;
    await db.query(
      `INSERT INTO ambassador_learners (ambassador_id, learner_id)
       SELECT $1, id FROM users WHERE phone = $2 AND commune_id = $3 ON CONFLICT DO NOTHING`,
      [ambassadorId, person.phone, communeId],
    );
  }

  const [existing] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM community_sessions WHERE commune_id = $1 AND title IN ($2, $3)`,
    [communeId, PAST_TITLE, UPCOMING_TITLE],
  );
  if (existing.n > 0) return { helped, sessions: 0 };
  const course = async (pattern: string) =>
    (
      await db.query<{ id: string }[]>(
        `SELECT id FROM courses WHERE status = 'published' AND title->>'vi' ILIKE $1 ORDER BY created_at LIMIT 1`,
        [pattern],
      )
    )[0]?.id ?? null;
  // Last week's class at 8:00 Vietnam time, and next week's; classes run about an hour and a half.
  const [past] = await db.query<{ id: string }[]>(
    `INSERT INTO community_sessions (commune_id, course_id, title, place, starts_at, duration_minutes, capacity, created_by)
     VALUES ($1, $2, $3, 'Nhà văn hóa bản Co Củ',
             (date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '7 days' + interval '8 hours')
               AT TIME ZONE 'Asia/Ho_Chi_Minh', 90, 40, $4)
     RETURNING id`,
    [communeId, await course('%VNeID%'), PAST_TITLE, adminId],
  );
  await db.query(
    `INSERT INTO community_sessions (commune_id, course_id, title, place, starts_at, duration_minutes, capacity, created_by)
     VALUES ($1, $2, $3, 'Nhà văn hóa bản Hồng Sọt',
             (date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '7 days' + interval '14 hours')
               AT TIME ZONE 'Asia/Ho_Chi_Minh', 90, 50, $4)`,
    [communeId, await course('%thanh toán%'), UPCOMING_TITLE, adminId],
  );
  // Who came last week: the ambassador and four of the people they help, scanned or ticked.
  await db.query(
    `INSERT INTO community_session_attendance (session_id, user_id, recorded_by, method, recorded_at)
     SELECT $1, u.id, $2, CASE WHEN u.phone IN ('+84912000101', '+84911000004') THEN 'list' ELSE 'qr' END,
            (SELECT starts_at FROM community_sessions WHERE id = $1) + interval '10 minutes'
       FROM users u WHERE u.phone = ANY($3::varchar[])
     ON CONFLICT DO NOTHING`,
    [past.id, adminId, ['+84911000004', ...HELPED.slice(0, 4).map((person) => person.phone)]],
  );
  return { helped, sessions: 2 };
}

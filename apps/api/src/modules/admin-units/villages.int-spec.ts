import { ErrorCode, Role } from '@hocvu/contracts';
import { Workbook } from 'exceljs';
import { randomInt } from 'node:crypto';

import { aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp, uniquePhone } from '../../../test/test-app';

interface Line {
  line: number;
  name: string;
  code: string | null;
  population: number | null;
  status: 'new' | 'existing';
}

describe('villages of a commune (integration)', () => {
  let t: TestApp;
  let communeA: string;
  let communeB: string;
  let province: SignedInUser;
  let communeAdmin: SignedInUser;
  let learner: SignedInUser;
  /** Unique per run: village names are per commune, the communes are this file's own. */
  const tag = randomInt(100_000);

  const post = (user: SignedInUser, communeId: string, step: 'preview' | 'import', payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin-units/${communeId}/villages/${step}`,
      headers: user.auth,
      payload,
    });
  const villagesOf = async (communeId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/admin-units?kind=village&parentId=${communeId}` })).json<
      { id: string; name: string; code: string; population: number | null; parentId: string }[]
    >();
  const countVillages = async () =>
    Number(
      (await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM admin_units WHERE kind = 'village'`))[0]
        ?.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    ({ communeA, communeB } = await aProvinceWithCommunes(t));
    province = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdmin = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    learner = await aSignedInUser(t, Role.Learner, communeA);
  });
  afterAll(() => t.close());

  it('previews a pasted list, imports it in one go, keeps existing names on a second import, and audits', async () => {
    const text = [
      'Tên thôn\tMã\tDân số',
      `Bản Co Củ ${tag}\t\t412`,
      `Bản Hồng Sọt ${tag}\tHS-${tag}\t1.030`,
      `Tổ dân phố 3 ${tag}`,
    ].join('\n');
    const preview = await post(province, communeA, 'preview', { text });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ communeId: communeA, added: 3, existing: 0, problems: [] });
    expect(
      preview.json().lines.map((line: Line) => [line.line, line.name, line.code, line.population]),
    ).toEqual([
      [2, `Bản Co Củ ${tag}`, null, 412],
      [3, `Bản Hồng Sọt ${tag}`, `HS-${tag}`, 1030],
      [4, `Tổ dân phố 3 ${tag}`, null, null],
    ]);
    // The dry run wrote nothing.
    expect(await villagesOf(communeA)).toEqual([]);

    const imported = await post(province, communeA, 'import', { text });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ added: 3, existing: 0 });
    const listed = await villagesOf(communeA);
    expect(listed.map((village) => village.name).sort()).toEqual(
      [`Bản Co Củ ${tag}`, `Bản Hồng Sọt ${tag}`, `Tổ dân phố 3 ${tag}`].sort(),
    );
    expect(listed.every((village) => village.parentId === communeA)).toBe(true);
    expect(listed.find((village) => village.name === `Bản Hồng Sọt ${tag}`)?.code).toBe(`HS-${tag}`);
    // Without a code, the commune's code and a number.
    const [{ code: communeCode }] = await t.db.query<{ code: string }[]>(
      'SELECT code FROM admin_units WHERE id = $1',
      [communeA],
    );
    expect(listed.find((village) => village.name === `Bản Co Củ ${tag}`)?.code).toMatch(
      new RegExp(`^${communeCode}-\\d{3}$`),
    );

    // Again, with one name written differently, one new village and a population: nothing doubled.
    const again = await post(communeAdmin, communeA, 'import', {
      text: `co củ ${tag};;450\nBản Món ${tag}`,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ added: 1, existing: 1 });
    const after = await villagesOf(communeA);
    expect(after).toHaveLength(4);
    const coCu = after.find((village) => village.name === `Bản Co Củ ${tag}`);
    expect(coCu?.population).toBe(450);
    expect(coCu?.id).toBe(listed.find((village) => village.name === `Bản Co Củ ${tag}`)?.id);

    const audits = await t.db.query<{ actor_id: string; target_id: string; details: object }[]>(
      `SELECT actor_id, target_id, details FROM audit_log WHERE action = 'admin_unit.villages_import'
        AND target_id = $1 ORDER BY id`,
      [communeA],
    );
    expect(audits.map((audit) => [audit.actor_id, audit.details])).toEqual([
      [province.id, { format: 'text', added: 3, existing: 0 }],
      [communeAdmin.id, { format: 'text', added: 1, existing: 1 }],
    ]);
  });

  it('lists every bad line (empty name, duplicate, too long, bad population, code taken) and imports nothing', async () => {
    const [{ code: takenCode }] = await t.db.query<{ code: string }[]>(
      'SELECT code FROM admin_units WHERE id = $1',
      [communeB],
    );
    const csv = [
      'tên,mã,dân số',
      `Bản Tốt ${tag},,`,
      ',,100',
      `bản tốt ${tag},,`,
      `${'Bản Dài '.repeat(20)},,`,
      `Bản Đông ${tag},,nhiều`,
      `Bản Mã ${tag},${takenCode},`,
      `Bản Mã Sai ${tag},mã có dấu,`,
    ].join('\n');
    const before = await countVillages();
    const preview = await post(province, communeB, 'preview', { text: csv });
    expect(preview.statusCode).toBe(200);
    expect(
      preview.json().problems.map((problem: { line: number; code: string }) => [problem.line, problem.code]),
    ).toEqual([
      [3, 'required'],
      [4, 'duplicate_in_file'],
      [5, 'too_long'],
      [6, 'invalid_population'],
      [7, 'code_taken'],
      [8, 'invalid_code'],
    ]);
    expect(preview.json().lines.map((line: Line) => line.name)).toEqual([`Bản Tốt ${tag}`]);

    const imported = await post(province, communeB, 'import', { text: csv });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error.code).toBe(ErrorCode.ImportInvalid);
    expect(imported.json().error.details).toHaveLength(6);
    expect(await countVillages()).toBe(before);

    const empty = await post(province, communeB, 'preview', { text: ' \n \n' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe(ErrorCode.ImportInvalid);
    expect((await post(province, communeB, 'preview', { text: 'a', xlsx: 'UEsDBA==' })).statusCode).toBe(400);
    expect((await post(province, communeB, 'preview', {})).statusCode).toBe(400);
    const notXlsx = await post(province, communeB, 'preview', {
      xlsx: Buffer.from('hello').toString('base64'),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe(ErrorCode.ImportInvalid);
  });

  it('answers a listed code taken by another commune at the same moment as code_taken, not a 500', async () => {
    const code = `RC-${tag}`;
    const text = ['Tên thôn\tMã', `Bản Một ${tag}\t`, `Bản Đua ${tag}\t${code}`].join('\n');
    const before = await countVillages();
    // Commune B's import holds the code, uncommitted, while commune A's import runs (its analysis
    // cannot see the code yet; its insert waits, then finds it taken).
    const other = t.db.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(
        `INSERT INTO admin_units (code, name, kind, parent_id) VALUES ($1, $2, 'village', $3)`,
        [code, `Bản Khác ${tag}`, communeB],
      );
      const pending = post(province, communeA, 'import', { text });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.commitTransaction();
      const response = await pending;
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe(ErrorCode.ImportInvalid);
      expect(response.json().error.details).toEqual([
        expect.objectContaining({ line: 3, code: 'code_taken', value: code }),
      ]);
    } finally {
      await other.release();
    }
    // Nothing of commune A's list was written (the other commune's village is there, removed again).
    expect(await countVillages()).toBe(before + 1);
    await t.db.query(`DELETE FROM admin_units WHERE code = $1`, [code]);
  });

  it('reads an XLSX workbook, finding the columns by their header wherever they are', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Thôn bản');
    sheet.addRow(['STT', 'Tên thôn, bản', 'Dân số']);
    sheet.addRow([1, `Bản Nà Sự ${tag}`, 380]);
    sheet.addRow([2, `Bản Pá Khoang ${tag}`, null]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const imported = await post(province, communeB, 'import', { xlsx });
    expect(imported.statusCode).toBe(200);
    expect(
      imported
        .json()
        .villages.map((village: { name: string; population: number | null }) => [
          village.name,
          village.population,
        ]),
    ).toEqual([
      [`Bản Nà Sự ${tag}`, 380],
      [`Bản Pá Khoang ${tag}`, null],
    ]);
  });

  it('refuses another commune to a commune admin (403 UNIT_OUT_OF_SCOPE), unknown communes and villages as communes', async () => {
    const before = await countVillages();
    for (const step of ['preview', 'import'] as const) {
      const response = await post(communeAdmin, communeB, step, { text: `Bản Lạ ${tag}` });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe(ErrorCode.UnitOutOfScope);
    }
    expect((await post(learner, communeA, 'import', { text: `Bản Lạ ${tag}` })).statusCode).toBe(403);

    const unknown = await post(province, '00000000-0000-4000-8000-000000000000', 'preview', {
      text: 'Bản A',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe(ErrorCode.AdminUnitNotFound);
    const [village] = await villagesOf(communeA);
    expect((await post(province, village.id, 'import', { text: 'Bản A' })).statusCode).toBe(404);
    expect((await post(province, 'not-a-uuid', 'import', { text: 'Bản A' })).statusCode).toBe(400);
    expect(await countVillages()).toBe(before);
  });

  it('gives the roster import villages it resolves by name, with or without "Bản" and diacritics', async () => {
    const nameA = (
      await t.db.query<{ name: string }[]>('SELECT name FROM admin_units WHERE id = $1', [communeA])
    )[0]?.name;
    const phones = [uniquePhone(), uniquePhone()];
    const csv = [
      'họ và tên,số điện thoại,xã/phường,thôn/bản',
      `Lò Văn Một,${phones[0]},${nameA},Hồng Sọt ${tag}`,
      `Quàng Thị Hai,${phones[1]},${nameA},ban mon ${tag}`,
    ].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/rosters/import',
      headers: communeAdmin.auth,
      payload: { csv },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 2, problems: [] });
    const rows = await t.db.query<{ village: string }[]>(
      `SELECT v.name AS village FROM users u JOIN admin_units v ON v.id = u.village_id
        WHERE u.id = ANY($1) ORDER BY u.full_name`,
      [response.json().userIds],
    );
    expect(rows.map((row) => row.village)).toEqual([`Bản Hồng Sọt ${tag}`, `Bản Món ${tag}`]);
  });
});

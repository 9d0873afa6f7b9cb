import { ErrorCode, Role } from '@hocvu/contracts';
import { CellValue, Workbook } from 'exceljs';
import { randomInt } from 'node:crypto';

import { aCourse, aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp, uniquePhone } from '../../../test/test-app';
import { ROSTER_NO_PASSWORD } from './rosters.service';

const HEADER = [
  'họ và tên',
  'số điện thoại',
  'số định danh',
  'ngày sinh',
  'giới tính',
  'xã/phường',
  'thôn/bản',
  'nhóm đối tượng',
  'đồng ý cung cấp thông tin',
  'khuyết tật',
  'dân tộc',
  'mã hộ gia đình',
];

/** A citizen id no other test uses: province code 011, then 9 random digits. */
function uniqueCitizenId(): string {
  return `011${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
}

function csvOf(rows: string[][]): string {
  const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((cells) => cells.map(field).join(',')).join('\n');
}

async function xlsxOf(rows: CellValue[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  rows.forEach((cells, i) =>
    cells.forEach((value, j) => {
      if (value !== null) sheet.getCell(i + 1, j + 1).value = value;
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

interface Issue {
  row: number;
  column: string;
  code: string;
  message: string;
  value?: string;
}

describe('rosters (integration)', () => {
  let t: TestApp;
  let communeA: string;
  let communeB: string;
  let nameA: string;
  let nameB: string;
  let villageName: string;
  let villageId: string;
  let province: SignedInUser;
  let communeAdmin: SignedInUser;
  let existingLearner: SignedInUser;

  const call = (user: SignedInUser, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: user.auth, payload });
  const countUsers = async () =>
    Number((await t.db.query<{ n: string }[]>('SELECT count(*) AS n FROM users'))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    ({ communeA, communeB } = await aProvinceWithCommunes(t));
    const names = await t.db.query<{ id: string; name: string; code: string }[]>(
      'SELECT id, name, code FROM admin_units WHERE id = ANY($1)',
      [[communeA, communeB]],
    );
    nameA = names.find((unit) => unit.id === communeA)?.name as string;
    nameB = names.find((unit) => unit.id === communeB)?.name as string;
    villageName = `Bản Hón ${randomInt(100000)}`;
    [{ id: villageId }] = await t.db.query<{ id: string }[]>(
      `INSERT INTO admin_units (code, name, kind, parent_id) VALUES ($1, $2, 'village', $3) RETURNING id`,
      [`V${randomInt(10_000_000)}`, villageName, communeA],
    );
    province = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdmin = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    existingLearner = await aSignedInUser(t, Role.Learner, communeA);
  });
  afterAll(() => t.close());

  it('previews every kind of bad row with its row number and writes nothing', async () => {
    const phone = uniquePhone();
    const rows = [
      HEADER,
      [
        'Lò Thị Mai',
        phone,
        uniqueCitizenId(),
        '15/08/1990',
        'nữ',
        nameA,
        villageName,
        'người dân',
        'có',
        'không',
        'Thái',
        'HGD-1',
      ],
      ['Số sai', '12345', '', '', '', nameA, '', '', '', '', '', ''],
      ['Xã lạ', uniquePhone(), '', '', '', 'Xã Không Có Thật', '', '', '', '', '', ''],
      ['Bản lạ', uniquePhone(), '', '', '', nameA, 'Bản Không Có', '', '', '', '', ''],
      ['Trùng số', phone, '', '', '', nameA, '', '', '', '', '', ''],
      ['Đã có', existingLearner.phone, '', '', '', nameA, '', '', '', '', '', ''],
      ['Xã khác', uniquePhone(), '', '', '', nameB, '', 'học sinh', '', '', '', ''],
      ['Không liên lạc', '', '', '', '', nameA, '', '', '', '', '', ''],
      [
        'Không đồng ý',
        uniquePhone(),
        '',
        '1965-01-02',
        'nam',
        nameA,
        '',
        'cán bộ/công chức',
        'không',
        'có',
        'Mông',
        'H2',
      ],
      [],
      ['Ngày sai', uniquePhone(), '12345', '31/02/1990', 'x', nameA, '', 'khách', 'có lẽ', '', '', ''],
    ];
    const before = await countUsers();

    const asProvince = await call(province, '/api/rosters/preview', { csv: csvOf(rows) });
    expect(asProvince.statusCode).toBe(200);
    const report = asProvince.json<{
      rows: number;
      valid: number;
      existing: number;
      problems: Issue[];
      warnings: Issue[];
      duplicates: Issue[];
    }>();
    const codes = (row: number) => report.problems.filter((p) => p.row === row).map((p) => p.code);
    expect(report.rows).toBe(10);
    // Rows 2, 8 (province admins import anywhere) and 10 are new; row 7 is an existing account.
    expect(report.valid).toBe(3);
    expect(report.existing).toBe(1);
    expect(codes(2)).toEqual([]);
    expect(codes(3)).toEqual(['invalid_phone']);
    expect(codes(4)).toEqual(['unknown_commune']);
    expect(codes(5)).toEqual(['unknown_village']);
    expect(codes(6)).toEqual(['duplicate_in_file']);
    expect(codes(9)).toEqual(['contact_required']);
    expect(codes(12).sort()).toEqual(
      [
        'invalid_birth_date',
        'invalid_citizen_id',
        'invalid_consent',
        'invalid_gender',
        'invalid_target_group',
      ].sort(),
    );
    expect(report.problems.find((p) => p.row === 3)).toMatchObject({
      column: 'số điện thoại',
      value: '12345',
    });
    expect(report.duplicates).toEqual([
      { row: 6, column: 'số điện thoại', code: 'duplicate_in_file', firstRow: 2 },
      { row: 7, column: 'số điện thoại', code: 'exists', userId: existingLearner.id },
    ]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ row: 10, code: 'attributes_without_consent' }),
    ]);

    // The commune admin of A: the commune-B row is out of scope.
    const asCommune = await call(communeAdmin, '/api/rosters/preview', { csv: csvOf(rows) });
    expect(asCommune.statusCode).toBe(200);
    const scoped = asCommune.json<{ valid: number; problems: Issue[] }>();
    expect(scoped.valid).toBe(2);
    expect(scoped.problems.filter((p) => p.row === 8).map((p) => p.code)).toEqual(['outside_commune']);

    expect(await countUsers()).toBe(before);
  });

  it('refuses a file with wrong columns with a clear 400 and the header problems', async () => {
    const response = await call(province, '/api/rosters/preview', {
      csv: csvOf([
        ['tên', 'điện thoại', 'ghi chú'],
        ['A', uniquePhone(), 'x'],
      ]),
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe(ErrorCode.RosterColumnsInvalid);
    expect(error.details.problems.map((p: Issue) => `${p.column}:${p.code}`).sort()).toEqual([
      'họ và tên:missing_column',
      'xã/phường:missing_column',
    ]);
    expect(error.details.warnings.map((w: Issue) => w.column)).toEqual(['tên', 'ghi chú']);

    const unreadable = await call(province, '/api/rosters/preview', {
      xlsx: Buffer.from('not a workbook').toString('base64'),
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.code).toBe(ErrorCode.ImportInvalid);
    const neither = await call(province, '/api/rosters/preview', {});
    expect(neither.json().error.code).toBe(ErrorCode.ValidationFailed);
  });

  it('imports exactly the valid rows, encrypts citizen ids, and is idempotent on re-import', async () => {
    const citizenId = uniqueCitizenId();
    const phones = [uniquePhone(), uniquePhone()];
    const rows = [
      // English aliases work as headers too.
      [
        'full name',
        'phone',
        'citizen id',
        'birth date',
        'gender',
        'commune',
        'village',
        'target group',
        'consent',
        'disability',
        'ethnic group',
        'household id',
      ],
      [
        'Lò Văn Thắng',
        phones[0],
        citizenId,
        '1958-03-04',
        'nam',
        nameA,
        villageName,
        'public_servant',
        'có',
        'có',
        'Thái',
        'HGD-77',
      ],
      ['Chỉ số định danh', '', uniqueCitizenId(), '', '', nameA, '', 'student', '', '', '', ''],
      ['Không đồng ý', phones[1], '', '', 'nữ', nameA, '', '', '', 'có', 'Mông', ''],
      ['Sai', '0123', '', '', '', nameA, '', '', '', '', '', ''],
    ];
    const before = await countUsers();
    const first = await call(communeAdmin, '/api/rosters/import', { csv: csvOf(rows) });
    expect(first.statusCode).toBe(200);
    const result = first.json<{
      created: number;
      skippedExisting: number;
      userIds: string[];
      importId: string;
      problems: Issue[];
    }>();
    expect(result).toMatchObject({ created: 3, skippedExisting: 0, rows: 4, valid: 3 });
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([[5, 'invalid_phone']]);
    expect(result.userIds).toHaveLength(3);
    expect(await countUsers()).toBe(before + 3);

    const [thang] = await t.db.query(
      `SELECT phone, password_hash, role, citizen_id_enc, citizen_id_hash, birth_date_enc, birth_year, gender,
              commune_id, village_id, target_group, disability, ethnic_group, household_id,
              attributes_consented_at IS NOT NULL AS consented, created_by, must_change_password, identity_level
         FROM users WHERE id = $1`,
      [result.userIds[0]],
    );
    expect(thang).toMatchObject({
      phone: `+84${phones[0]?.slice(1)}`,
      password_hash: ROSTER_NO_PASSWORD,
      role: 'learner',
      birth_year: 1958,
      gender: 'male',
      commune_id: communeA,
      village_id: villageId,
      target_group: 'public_servant',
      disability: true,
      ethnic_group: 'Thái',
      household_id: 'HGD-77',
      consented: true,
      created_by: communeAdmin.id,
      must_change_password: false,
      identity_level: null,
    });
    expect(thang.citizen_id_enc).not.toContain(citizenId);
    expect(thang.citizen_id_hash).not.toContain(citizenId);
    expect(thang.birth_date_enc).not.toContain('1958-03-04');
    // No consent: the optional attributes were not kept.
    const [noConsent] = await t.db.query(
      `SELECT disability, ethnic_group, attributes_consented_at FROM users WHERE id = $1`,
      [result.userIds[2]],
    );
    expect(noConsent).toEqual({ disability: null, ethnic_group: null, attributes_consented_at: null });
    // The password sign-in does not open such an account.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: phones[0], password: ROSTER_NO_PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const again = await call(communeAdmin, '/api/rosters/import', { csv: csvOf(rows) });
    expect(again.json()).toMatchObject({ created: 0, skippedExisting: 3, userIds: result.userIds });
    expect(await countUsers()).toBe(before + 3);

    const audit = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'roster.import' AND target_id = $1`,
      [result.importId],
    );
    expect(audit[0].details).toMatchObject({ rows: 4, created: 3, skippedExisting: 0, problemRows: 1 });
    expect(JSON.stringify(audit[0].details)).not.toContain(phones[0]?.slice(1));
  });

  it('keeps a commune admin to their commune and a province admin anywhere', async () => {
    const rows = [HEADER, ['Người xã B', uniquePhone(), '', '', '', nameB, '', '', '', '', '', '']];
    const scoped = await call(communeAdmin, '/api/rosters/import', { csv: csvOf(rows) });
    expect(scoped.json()).toMatchObject({ created: 0, problems: [{ row: 2, code: 'outside_commune' }] });
    const anywhere = await call(province, '/api/rosters/import', { csv: csvOf(rows) });
    expect(anywhere.json()).toMatchObject({ created: 1, problems: [] });
    // An existing account of commune B is reported but not handed to commune A's admin to enrol.
    const inB = await aSignedInUser(t, Role.Learner, communeB);
    const seen = await call(communeAdmin, '/api/rosters/preview', {
      csv: csvOf([HEADER, ['Ai đó', inB.phone, '', '', '', nameA, '', '', '', '', '', '']]),
    });
    expect(seen.json().duplicates).toEqual([
      { row: 2, column: 'số điện thoại', code: 'exists', userId: null },
    ]);
  });

  it('reads XLSX like CSV, putting back the zeros a number cell dropped', async () => {
    const phone = uniquePhone();
    const citizenId = uniqueCitizenId();
    const xlsx = await xlsxOf([
      HEADER,
      [
        'Cầm Thị Hoa',
        Number(phone),
        Number(citizenId),
        new Date(Date.UTC(1970, 0, 31)),
        'nữ',
        nameA,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    const response = await call(communeAdmin, '/api/rosters/import', { xlsx });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      created: 1,
      warnings: [{ row: 2, code: 'citizen_id_padded' }],
    });
    const [user] = await t.db.query('SELECT phone, citizen_id_hash, birth_year FROM users WHERE id = $1', [
      response.json().userIds[0],
    ]);
    expect(user.phone).toBe(`+84${phone.slice(1)}`);
    expect(user.birth_year).toBe(1970);
    // The same citizen id typed as text finds the account.
    const again = await call(communeAdmin, '/api/rosters/preview', {
      csv: csvOf([HEADER, ['Cầm Thị Hoa', '', citizenId, '', '', nameA, '', '', '', '', '', '']]),
    });
    expect(again.json().duplicates).toEqual([
      { row: 2, column: 'số định danh', code: 'exists', userId: response.json().userIds[0] },
    ]);
  });

  it('answers a 50 MB body and a file over 10 MB with a clean 413, importing nothing', async () => {
    const before = await countUsers();
    const huge = await call(province, '/api/rosters/import', { xlsx: 'A'.repeat(50 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    // The roster's own code and limit, not the generic PAYLOAD_TOO_LARGE, on every roster upload route.
    expect(huge.json().error).toEqual({
      code: ErrorCode.RosterFileTooLarge,
      message: 'A roster file has at most 10 MB: split it',
      details: { maxBytes: 10 * 1024 * 1024 },
    });
    for (const url of ['/api/rosters/preview', '/api/rosters/problems.csv']) {
      const response = await call(province, url, { csv: 'x'.repeat(20 * 1024 * 1024) });
      expect([response.statusCode, response.json().error.code]).toEqual([413, ErrorCode.RosterFileTooLarge]);
    }
    // Other routes keep the generic answer.
    const elsewhere = await call(province, '/api/admin-units/import', { csv: 'x'.repeat(3 * 1024 * 1024) });
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([413, ErrorCode.PayloadTooLarge]);

    const line = `Nguyễn Văn A,${uniquePhone()},,,,${nameA},,,,,,\n`;
    const big = `${HEADER.join(',')}\n${line.repeat(Math.ceil((10.5 * 1024 * 1024) / line.length))}`;
    const tooBig = await call(province, '/api/rosters/import', { csv: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe(ErrorCode.RosterFileTooLarge);

    const manyRows = `${HEADER.join(',')}\n${'A,0912345678,,,,X,,,,,,\n'.repeat(50_001)}`;
    const tooMany = await call(province, '/api/rosters/preview', { csv: manyRows });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.code).toBe(ErrorCode.RosterTooManyRows);
    expect(await countUsers()).toBe(before);
  });

  it('stores formula-like cells as plain text and neutralises them in the CSV report', async () => {
    const names = ['=HYPERLINK("http://evil.example","Bấm")', '+cmd|/c calc', '-1+1', '@SUM(A1:A9)'];
    const rows = [
      HEADER,
      ...names.map((name) => [name, uniquePhone(), '', '', '', nameA, '', '', '', '', '', '']),
      ['Xã công thức', uniquePhone(), '', '', '', '=cmd|"/c calc"!A1', '', '', '', '', '', ''],
    ];
    const imported = await call(communeAdmin, '/api/rosters/import', { csv: csvOf(rows) });
    expect(imported.json()).toMatchObject({ created: 4 });
    const stored = await t.db.query<{ full_name: string }[]>(
      'SELECT full_name FROM users WHERE id = ANY($1) ORDER BY created_at, full_name',
      [imported.json().userIds],
    );
    expect(stored.map((user) => user.full_name).sort()).toEqual([...names].sort());

    const report = await call(communeAdmin, '/api/rosters/problems.csv', { csv: csvOf(rows) });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('dòng,cột,mức độ,mã,nội dung,giá trị');
    // Rows 2–5 now match the accounts just made (not problems); row 6's commune is reported, as text.
    expect(lines).toContain(
      `6,xã/phường,lỗi,unknown_commune,No commune or ward of this name or code,"'=cmd|""/c calc""!A1"`,
    );
    for (const line of lines.slice(1)) {
      for (const field of line.split(',')) expect(field).not.toMatch(/^"?[=+\-@]/);
    }
  });

  it("enrols an import's learners in a course, once, and only in the importer's scope", async () => {
    const course = await aCourse(t, province);
    const rows = [
      HEADER,
      ['Học viên một', uniquePhone(), '', '', '', nameA, '', '', '', '', '', ''],
      ['Học viên hai', uniquePhone(), '', '', '', nameA, '', '', '', '', '', ''],
      ['Đã có', existingLearner.phone, '', '', '', nameA, '', '', '', '', '', ''],
    ];
    const imported = (await call(communeAdmin, '/api/rosters/import', { csv: csvOf(rows) })).json();
    expect(imported).toMatchObject({ created: 2, skippedExisting: 1 });
    expect(imported.userIds).toHaveLength(3);

    const url = `/api/rosters/imports/${imported.importId}/enrol`;
    const enrolled = await call(communeAdmin, url, { courseId: course.id });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toEqual({ enrolled: 3, alreadyEnrolled: 0, skipped: 0 });
    const count = await t.db.query(
      `SELECT count(*)::int AS n FROM enrolments WHERE course_id = $1 AND user_id = ANY($2) AND source = 'bulk'`,
      [course.id, imported.userIds],
    );
    expect(count[0].n).toBe(3);
    expect((await call(province, url, { courseId: course.id })).json()).toEqual({
      enrolled: 0,
      alreadyEnrolled: 3,
      skipped: 0,
    });

    // Another commune's admin does not see this import; an unknown one is a 404 too.
    const otherAdmin = await aSignedInUser(t, Role.CommuneAdmin, communeB);
    const hidden = await call(otherAdmin, url, { courseId: course.id });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe(ErrorCode.RosterImportNotFound);
    const unknown = await call(province, '/api/rosters/imports/00000000-0000-4000-8000-000000000000/enrol', {
      courseId: course.id,
    });
    expect(unknown.json().error.code).toBe(ErrorCode.RosterImportNotFound);
    const draft = await aCourse(t, province, { publish: false });
    expect((await call(province, url, { courseId: draft.id })).json().error.code).toBe(
      ErrorCode.CourseNotOpen,
    );
  });

  it('serves the templates, which preview without column problems', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/rosters/template.csv',
      headers: province.auth,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER.join(','));
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/rosters/template.xlsx',
      headers: province.auth,
    });
    expect(xlsx.statusCode).toBe(200);
    const preview = await call(province, '/api/rosters/preview', {
      xlsx: xlsx.rawPayload.toString('base64'),
    });
    expect(preview.statusCode).toBe(200);
    // The examples name the demo province's communes, which this database does not have.
    expect(preview.json().rows).toBe(2);
    const learner = await aSignedInUser(t, Role.Learner, communeA);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/rosters/template.csv', headers: learner.auth }))
        .statusCode,
    ).toBe(403);
  });
});

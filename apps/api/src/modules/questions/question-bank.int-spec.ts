import { QUESTION_TEMPLATE_COLUMNS } from '@hocvu/assessment';
import { ErrorCode, Role } from '@hocvu/contracts';
import { solidPng } from '@hocvu/server-kit/testing';
import { CellValue, Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';

import { aCourse, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

const SINGLE = {
  type: 'single_choice',
  text: { vi: 'Ứng dụng nào dùng để định danh điện tử?', en: 'Which app is the electronic ID?' },
  tags: ['VNeID'],
  options: [
    { id: 'a1', text: { vi: 'VNeID' } },
    { id: 'b2', text: { vi: 'Zalo' } },
    { id: 'c3', text: { vi: 'Facebook' } },
  ],
  correctOptionId: 'a1',
  explanation: { vi: 'VNeID do Bộ Công an phát hành.' },
};

const CSV = [
  'type,tags,question_vi,option_1,option_2,option_3,correct,explanation_vi,accept_diacritic_insensitive',
  'single_choice,VNeID,Mức định danh nào cần ảnh chân dung?,Mức 1,Mức 2,,2,Mức 2 cần ảnh và vân tay.,',
  'true_false,an toàn,Có nên cho người lạ mã OTP không?,,,,sai,Không bao giờ đưa OTP.,',
  'short_text,VNeID,Giấy tờ nào thay bằng VNeID khi khám bệnh?,,,,Căn cước công dân|CCCD,,có',
  'single_choice,VNeID,Câu hỏi thiếu đáp án,Một,Hai,,,,',
  'unknown_type,,Loại câu hỏi lạ,,,,1,,',
].join('\n');

/** An XLSX workbook of `rows` (on its first sheet) in base64, as the studio sends it. */
async function xlsxOf(rows: CellValue[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Câu hỏi');
  rows.forEach((cells, i) => {
    cells.forEach((value, j) => {
      if (value !== null) sheet.getCell(i + 1, j + 1).value = value;
    });
  });
  workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Trang này không được nhập';
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('question bank (integration)', () => {
  let t: TestApp;
  let owner: SignedInUser;
  let otherTeacher: SignedInUser;
  let learner: SignedInUser;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await aSignedInUser(t, Role.Teacher);
    otherTeacher = await aSignedInUser(t, Role.Teacher);
    learner = await aSignedInUser(t, Role.Learner);
    courseId = (await aCourse(t, owner, { publish: false })).id;
  });
  afterAll(() => t.close());

  const as = (user: SignedInUser, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });

  it('lets the course editors add, list by tag, replace and delete questions, and nobody else', async () => {
    const created = await as(owner, 'POST', `/api/studio/courses/${courseId}/questions`, SINGLE);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ type: 'single_choice', correctOptionId: 'a1', tags: ['VNeID'] });

    expect(
      (await as(otherTeacher, 'POST', `/api/studio/courses/${courseId}/questions`, SINGLE)).json().error.code,
    ).toBe(ErrorCode.NotCourseEditor);
    expect((await as(otherTeacher, 'GET', `/api/studio/courses/${courseId}/questions`)).statusCode).toBe(403);
    expect((await as(learner, 'GET', `/api/studio/courses/${courseId}/questions`)).json().error.code).toBe(
      ErrorCode.Forbidden,
    );
    expect((await as(otherTeacher, 'DELETE', `/api/studio/questions/${id}`)).statusCode).toBe(403);

    const listed = (await as(owner, 'GET', `/api/studio/courses/${courseId}/questions?tag=VNeID`)).json();
    expect(listed.items.map((q: { id: string }) => q.id)).toContain(id);
    expect(listed.tags).toContain('VNeID');
    expect(
      (await as(owner, 'GET', `/api/studio/courses/${courseId}/questions?tag=khác`)).json().items,
    ).toEqual([]);

    const replaced = await as(owner, 'PUT', `/api/studio/questions/${id}`, {
      ...SINGLE,
      correctOptionId: 'b2',
    });
    expect(replaced.json().correctOptionId).toBe('b2');
    expect((await as(owner, 'DELETE', `/api/studio/questions/${id}`)).statusCode).toBe(204);
    expect((await as(owner, 'PUT', `/api/studio/questions/${id}`, SINGLE)).json().error.code).toBe(
      ErrorCode.QuestionNotFound,
    );
  });

  it('refuses incomplete questions with every problem listed, unknown languages and unknown fields', async () => {
    const url = `/api/studio/courses/${courseId}/questions`;
    const noAnswer = await as(owner, 'POST', url, { ...SINGLE, correctOptionId: 'zz' });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().error.code).toBe(ErrorCode.QuestionInvalid);
    expect(noAnswer.json().error.details.problems.length).toBeGreaterThan(0);
    const noVietnamese = await as(owner, 'POST', url, { ...SINGLE, text: { en: 'Only English' } });
    expect(noVietnamese.json().error.code).toBe(ErrorCode.QuestionInvalid);
    expect(
      (await as(owner, 'POST', url, { ...SINGLE, text: { vi: 'Câu', xx: 'x' } })).json().error.code,
    ).toBe(ErrorCode.UnknownLanguage);
    expect((await as(owner, 'POST', url, { ...SINGLE, type: 'essay' })).json().error.code).toBe(
      ErrorCode.ValidationFailed,
    );
    expect((await as(owner, 'POST', url, { ...SINGLE, secret: 1 })).json().error.code).toBe(
      ErrorCode.ValidationFailed,
    );
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM questions WHERE course_id = $1', [
      courseId,
    ]);
    expect(n).toBe(0);
  });

  it('imports the valid rows of a CSV and reports the broken ones by row, in one transaction', async () => {
    const result = await as(owner, 'POST', `/api/studio/courses/${courseId}/questions/import`, { csv: CSV });
    expect(result.statusCode).toBe(200);
    expect(result.json().imported).toBe(3);
    expect(result.json().errors.map((e: { row: number }) => e.row)).toEqual([5, 6]);
    const bank = (await as(owner, 'GET', `/api/studio/courses/${courseId}/questions`)).json();
    const shortText = bank.items.find((q: { type: string }) => q.type === 'short_text');
    expect(shortText).toMatchObject({
      acceptedAnswers: ['Căn cước công dân', 'CCCD'],
      diacriticInsensitive: true,
    });
    expect(bank.tags).toEqual(expect.arrayContaining(['VNeID', 'an toàn']));

    const broken = await as(owner, 'POST', `/api/studio/courses/${courseId}/questions/import`, {
      csv: 'a,"b\n',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe(ErrorCode.ImportInvalid);
  });

  describe('XLSX import and the template', () => {
    const importInto = (course: string, payload: object, user = owner) =>
      as(user, 'POST', `/api/studio/courses/${course}/questions/import`, payload);
    const countIn = async (course: string) =>
      (await t.db.query('SELECT count(*)::int AS n FROM questions WHERE course_id = $1', [course]))[0].n;

    it('imports a workbook with the same row report as the same sheet saved as CSV', async () => {
      // The CSV above with a blank row 5: row numbers must stay the spreadsheet's.
      const lines = CSV.split('\n');
      const csv = [...lines.slice(0, 4), '', ...lines.slice(4)].join('\n');
      const rows: CellValue[][] = [
        lines[0].split(','),
        [
          'single_choice',
          'VNeID',
          {
            richText: [
              { text: 'Mức định danh nào ' },
              { text: 'cần ảnh chân dung', font: { bold: true } },
              { text: '?' },
            ],
          },
          'Mức 1',
          'Mức 2',
          null,
          2,
          'Mức 2 cần ảnh và vân tay.',
        ],
        [
          'true_false',
          'an toàn',
          'Có nên cho người lạ mã OTP không?',
          null,
          null,
          null,
          { formula: 'IF(1=1,"sai","đúng")', result: 'sai' },
          'Không bao giờ đưa OTP.',
        ],
        [
          'short_text',
          'VNeID',
          'Giấy tờ nào thay bằng VNeID khi khám bệnh?',
          null,
          null,
          null,
          'Căn cước công dân|CCCD',
          null,
          'có',
        ],
        [],
        ['single_choice', 'VNeID', 'Câu hỏi thiếu đáp án', 'Một', 'Hai'],
        ['unknown_type', null, 'Loại câu hỏi lạ', null, null, null, 1],
      ];
      const csvCourse = (await aCourse(t, owner, { publish: false })).id;
      const xlsxCourse = (await aCourse(t, owner, { publish: false })).id;

      const fromCsv = await importInto(csvCourse, { csv });
      const fromXlsx = await importInto(xlsxCourse, { xlsx: await xlsxOf(rows) });
      expect(fromXlsx.statusCode).toBe(200);
      expect(fromXlsx.json()).toEqual(fromCsv.json());
      expect(fromXlsx.json().imported).toBe(3);
      expect(fromXlsx.json().errors.map((e: { row: number }) => e.row)).toEqual([6, 7]);

      const bank = (await as(owner, 'GET', `/api/studio/courses/${xlsxCourse}/questions`)).json();
      const single = bank.items.find((q: { type: string }) => q.type === 'single_choice');
      expect(single.text).toEqual({ vi: 'Mức định danh nào cần ảnh chân dung?' });
      expect(single.correctOptionId).toBe(single.options[1].id);
      expect(bank.items.find((q: { type: string }) => q.type === 'true_false').correctAnswer).toBe(false);
    });

    it('refuses what is not one workbook of at most 5 MB, importing nothing', async () => {
      const course = (await aCourse(t, owner, { publish: false })).id;
      const notXlsx = await importInto(course, { xlsx: Buffer.from(CSV).toString('base64') });
      expect(notXlsx.statusCode).toBe(400);
      expect(notXlsx.json().error.code).toBe(ErrorCode.ImportInvalid);
      expect(notXlsx.json().error.details[0].message).toMatch(/not a ZIP archive/);

      // Over the app-wide 2 MB body limit, under this route's own: read, and refused for what it is.
      const big = await importInto(course, { xlsx: randomBytes(3 * 1024 * 1024).toString('base64') });
      expect(big.statusCode).toBe(400);
      expect(big.json().error.code).toBe(ErrorCode.ImportInvalid);

      const tooBig = await importInto(course, { xlsx: randomBytes(5 * 1024 * 1024 + 3).toString('base64') });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: [expect.objectContaining({ field: 'xlsx', rules: ['maxLength'] })],
      });

      const both = await importInto(course, { csv: CSV, xlsx: await xlsxOf([['type']]) });
      expect(both.statusCode).toBe(400);
      expect(both.json().error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: [expect.objectContaining({ field: 'xlsx', rules: ['notTogetherWith'] })],
      });
      const neither = await importInto(course, {});
      expect(neither.json().error.code).toBe(ErrorCode.ValidationFailed);
      expect((await importInto(course, { xlsx: 'không phải base64' })).json().error.code).toBe(
        ErrorCode.ValidationFailed,
      );
      const header = await xlsxOf([[...QUESTION_TEMPLATE_COLUMNS]]);
      expect((await importInto(course, { xlsx: header }, otherTeacher)).statusCode).toBe(403);
      expect(await countIn(course)).toBe(0);
    });

    it('serves the template as XLSX and as CSV to authors only, and each imports as it is', async () => {
      const xlsx = await as(owner, 'GET', '/api/studio/question-template.xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(xlsx.headers['content-disposition']).toBe('attachment; filename="mau-cau-hoi.xlsx"');
      const workbook = new Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as CellValue[]).slice(1)).toEqual([...QUESTION_TEMPLATE_COLUMNS]);
      expect(sheet.getRow(2).getCell(3).value).toMatch(/Căn cước/);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Câu hỏi', 'Hướng dẫn']);

      const csv = await as(owner, 'GET', '/api/studio/question-template.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body.startsWith(`\uFEFF${QUESTION_TEMPLATE_COLUMNS.join(',')}\r\n`)).toBe(true);
      expect(csv.body).toContain('an toàn trên mạng');

      const course = (await aCourse(t, owner, { publish: false })).id;
      const fromXlsx = await importInto(course, { xlsx: xlsx.rawPayload.toString('base64') });
      expect(fromXlsx.json()).toEqual({ imported: 2, errors: [] });
      expect((await importInto(course, { csv: csv.body })).json()).toEqual({ imported: 2, errors: [] });

      expect((await as(learner, 'GET', '/api/studio/question-template.xlsx')).json().error.code).toBe(
        ErrorCode.Forbidden,
      );
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/studio/question-template.csv' })).statusCode,
      ).toBe(401);
    });
  });

  it("stores question images for the course editors, serves them publicly and accepts only this course's keys", async () => {
    const upload = (user: SignedInUser, course: string, image: Buffer) =>
      as(user, 'POST', `/api/studio/courses/${course}/question-images`, { image: image.toString('base64') });
    const png = solidPng(200, 120, [10, 120, 200]);
    const uploaded = await upload(owner, courseId, png);
    expect(uploaded.statusCode).toBe(201);
    const { key, url } = uploaded.json<{ key: string; url: string }>();
    expect(key).toMatch(new RegExp(`^question-images/${courseId}/[0-9a-f]{16}\\.png$`));
    const served = await t.app.inject({ method: 'GET', url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    const withImage = { ...SINGLE, image: { key, alt: { vi: 'Màn hình ứng dụng VNeID' } } };
    const created = await as(owner, 'POST', `/api/studio/courses/${courseId}/questions`, withImage);
    expect(created.statusCode).toBe(201);
    expect(created.json().image).toEqual(withImage.image);

    // Another course's key, or a made-up one, is refused; so are non-images, tiny images and strangers.
    const otherCourse = (await aCourse(t, owner, { publish: false })).id;
    const foreign = (await upload(owner, otherCourse, png)).json<{ key: string }>().key;
    for (const bad of [foreign, 'covers/x.png', `question-images/${courseId}/../../secret.png`]) {
      const refused = await as(owner, 'POST', `/api/studio/courses/${courseId}/questions`, {
        ...withImage,
        image: { key: bad, alt: { vi: 'Ảnh' } },
      });
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, ErrorCode.QuestionInvalid]);
    }
    for (const image of [Buffer.from('not an image'), solidPng(32, 32)]) {
      const refused = await upload(owner, courseId, image);
      expect([refused.statusCode, refused.json().error.code]).toEqual([422, ErrorCode.QuestionImageInvalid]);
    }
    expect((await upload(otherTeacher, courseId, png)).json().error.code).toBe(ErrorCode.NotCourseEditor);
    expect((await upload(learner, courseId, png)).statusCode).toBe(403);
  });
});

import { ErrorCode, Role } from '@hocvu/contracts';

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
});

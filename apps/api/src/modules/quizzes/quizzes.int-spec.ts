import { answerKey, AuthorQuestion } from '@hocvu/assessment';
import { ErrorCode, Role } from '@hocvu/contracts';

import { aCourse, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

/** Bank: 6 single-choice questions tagged VNeID, 4 true/false tagged "an toàn", 2 ordering tagged "thứ tự". */
function bank(): AuthorQuestion[] {
  const single = Array.from({ length: 6 }, (_, i): AuthorQuestion => ({
    type: 'single_choice',
    text: { vi: `Câu VNeID số ${i + 1}: ứng dụng định danh điện tử là gì?` },
    tags: ['VNeID'],
    options: [
      { id: `k${i}right`, text: { vi: 'VNeID' } },
      { id: `k${i}wrong`, text: { vi: 'Zalo' } },
      { id: `k${i}other`, text: { vi: 'Facebook' } },
    ],
    correctOptionId: `k${i}right`,
    explanation: { vi: 'VNeID do Bộ Công an phát hành.' },
  }));
  const trueFalse = Array.from({ length: 4 }, (_, i): AuthorQuestion => ({
    type: 'true_false',
    text: { vi: `Không bao giờ đưa mã OTP cho người lạ (${i + 1}).` },
    tags: ['an toàn'],
    correctAnswer: true,
    explanation: { vi: 'OTP là chìa khoá tài khoản của bạn.' },
  }));
  const ordering = Array.from({ length: 2 }, (_, i): AuthorQuestion => ({
    type: 'ordering',
    text: { vi: `Sắp xếp các bước kích hoạt VNeID (${i + 1})` },
    tags: ['thứ tự'],
    options: [
      { id: `o${i}zz1`, text: { vi: 'Tải ứng dụng' } },
      { id: `o${i}aa2`, text: { vi: 'Nhập số định danh' } },
      { id: `o${i}mm3`, text: { vi: 'Xác thực OTP' } },
    ],
    correctOrder: [`o${i}zz1`, `o${i}aa2`, `o${i}mm3`],
  }));
  return [...single, ...trueFalse, ...ordering];
}

const SETTINGS = {
  pools: [
    { tag: 'VNeID', count: 3 },
    { tag: 'an toàn', count: 2 },
    { tag: 'thứ tự', count: 1 },
  ],
  shuffleQuestions: true,
  shuffleOptions: true,
  timeLimitMinutes: 20,
  attemptsAllowed: null,
  cooldownMinutes: 0,
  passingPercent: 80,
  feedback: 'after_submit',
};

interface AttemptJson {
  id: string;
  status: string;
  remainingSeconds: number | null;
  questions: {
    id: string;
    question: { type: string; options?: { id: string }[] };
    answer: unknown;
    feedback: unknown;
  }[];
  result: { percent: number; passed: boolean; courseCompleted: boolean; points: number } | null;
}

describe('quizzes and attempts (integration)', () => {
  let t: TestApp;
  let owner: SignedInUser;
  let learner: SignedInUser;
  let stranger: SignedInUser;
  const questions = new Map<string, AuthorQuestion>();

  beforeAll(async () => {
    t = await createTestApp();
    owner = await aSignedInUser(t, Role.Teacher);
    learner = await aSignedInUser(t, Role.Learner);
    stranger = await aSignedInUser(t, Role.Learner);
  });
  afterAll(() => t.close());

  const call = async (
    user: SignedInUser,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });

  /** A course: section 1 has one article; section 2 a quiz (and optionally a final exam quiz). */
  async function aQuizCourse(settings: object = SETTINGS, options: { finalExam?: boolean } = {}) {
    const course = await aCourse(t, owner, { sections: [1], publish: false });
    for (const question of bank()) {
      const created = await call(owner, 'POST', `/api/studio/courses/${course.id}/questions`, question);
      expect(created.statusCode).toBe(201);
      questions.set(created.json().id, question);
    }
    const sectionId = course.sections[0].id;
    const addQuiz = async (title: string) => {
      const outline = (
        await call(owner, 'POST', `/api/studio/sections/${sectionId}/lessons`, {
          kind: 'quiz',
          title: { vi: title },
        })
      ).json();
      return outline.sections[0].lessons.at(-1).id as string;
    };
    const quizId = await addQuiz('Kiểm tra: VNeID và an toàn');
    // A quiz without settings cannot be published.
    const early = await call(owner, 'POST', `/api/studio/courses/${course.id}/publish`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe(ErrorCode.QuizNotReady);
    const saved = await call(owner, 'PUT', `/api/studio/lessons/${quizId}/quiz`, {
      ...settings,
      finalExam: false,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ quizProblem: null, finalExam: false });
    let examId: string | null = null;
    if (options.finalExam) {
      examId = await addQuiz('Bài thi cuối khoá');
      expect(
        (await call(owner, 'PUT', `/api/studio/lessons/${examId}/quiz`, { ...settings, finalExam: true }))
          .statusCode,
      ).toBe(200);
    }
    expect((await call(owner, 'POST', `/api/studio/courses/${course.id}/publish`, {})).statusCode).toBe(200);
    return { courseId: course.id, articleId: course.sections[0].lessons[0].id, quizId, examId };
  }

  const enrol = async (user: SignedInUser, courseId: string) =>
    expect((await call(user, 'POST', `/api/courses/${courseId}/enrolment`)).statusCode).toBeLessThan(300);

  const start = (user: SignedInUser, courseId: string, lessonId: string) =>
    call(user, 'POST', `/api/learn/${courseId}/quizzes/${lessonId}/attempts`);

  /** Answers every question of the attempt, right or wrong as asked. */
  async function answerAll(user: SignedInUser, attempt: AttemptJson, right: (index: number) => boolean) {
    for (const [index, q] of attempt.questions.entries()) {
      const key = answerKey(questions.get(q.id) as AuthorQuestion);
      let answer: object = key;
      if (!right(index)) {
        if (key.type === 'single_choice')
          answer = { optionId: q.question.options?.find((o) => o.id !== key.optionId)?.id };
        else if (key.type === 'true_false') answer = { value: !key.value };
        else if (key.type === 'ordering') answer = { order: [...key.order].reverse() };
      }
      const saved = await call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${q.id}`, {
        answer,
        timeSpentMs: 4000,
      });
      expect(saved.statusCode).toBe(200);
    }
  }

  it('never sends answers, explanations or tags before grading; shows them after submit per the policy', async () => {
    const { courseId, quizId } = await aQuizCourse();
    await enrol(learner, courseId);
    const started = await start(learner, courseId, quizId);
    expect(started.statusCode).toBe(201);
    const attempt = started.json<AttemptJson>();
    expect(attempt.questions).toHaveLength(6);
    expect(attempt.remainingSeconds).toBeGreaterThan(20 * 60 - 5);
    const secrets =
      /correctOptionId|correctOptionIds|correctAnswer|acceptedAnswers|correctOrder|explanation|"tags"|Bộ Công an/;
    expect(started.body).not.toMatch(secrets);
    // Ordering items never arrive in the correct order.
    for (const q of attempt.questions.filter((q) => q.question.type === 'ordering')) {
      const key = answerKey(questions.get(q.id) as AuthorQuestion) as { order: string[] };
      expect(q.question.options?.map((o) => o.id)).not.toEqual(key.order);
    }
    await answerAll(learner, attempt, () => true);
    const reloaded = await call(learner, 'GET', `/api/attempts/${attempt.id}`);
    expect(reloaded.body).not.toMatch(secrets);
    expect(
      reloaded.json<AttemptJson>().questions.every((q) => q.answer !== null && q.feedback === null),
    ).toBe(true);

    const submitted = await call(learner, 'POST', `/api/attempts/${attempt.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    const result = submitted.json<AttemptJson>();
    expect(result.status).toBe('submitted');
    expect(result.result).toMatchObject({ percent: 100, passed: true, points: 6 });
    expect(result.questions[0].feedback).toMatchObject({ correct: true });
    expect(submitted.body).toMatch(/explanation/);
  });

  it('resumes the same attempt with saved answers and the server-computed time after a reload or double tap', async () => {
    const { courseId, quizId } = await aQuizCourse();
    const user = await aSignedInUser(t, Role.Learner);
    await enrol(user, courseId);
    // Five taps at once: one attempt.
    const responses = await Promise.all(Array.from({ length: 5 }, () => start(user, courseId, quizId)));
    const ids = new Set(responses.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const attempt = responses[0].json<AttemptJson>();
    const first = attempt.questions[0];
    const key = answerKey(questions.get(first.id) as AuthorQuestion);
    await call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${first.id}`, { answer: key });

    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM quiz_attempts WHERE user_id = $1',
      [user.id],
    );
    expect(count).toBe(1);
    const resumed = await start(user, courseId, quizId);
    expect(resumed.statusCode).toBe(200);
    const again = resumed.json<AttemptJson>();
    expect(again.id).toBe(attempt.id);
    // Same questions in the same order with the same option order; the saved answer is back.
    expect(again.questions.map((q) => [q.id, q.question.options?.map((o) => o.id)])).toEqual(
      attempt.questions.map((q) => [q.id, q.question.options?.map((o) => o.id)]),
    );
    expect(again.questions[0].answer).toMatchObject(key);
    expect(again.remainingSeconds).toBeLessThanOrEqual(attempt.remainingSeconds as number);
    const overview = (await call(user, 'GET', `/api/learn/${courseId}/quizzes/${quizId}`)).json();
    expect(overview).toMatchObject({
      openAttemptId: attempt.id,
      questionCount: 6,
      canStart: true,
      attemptsUsed: 1,
    });
  });

  it('group-commits answers sent at once: every save lands, repeated saves keep the last answer', async () => {
    const { courseId, quizId } = await aQuizCourse();
    const users = await Promise.all([1, 2, 3].map(() => aSignedInUser(t, Role.Learner)));
    const attempts = await Promise.all(
      users.map(async (user) => {
        await enrol(user, courseId);
        return (await start(user, courseId, quizId)).json<AttemptJson>();
      }),
    );
    // Three learners answer everything at once; learner 0 also changes their mind on question 0.
    const saves = attempts.flatMap((attempt, u) =>
      attempt.questions.map((q) => ({
        user: users[u],
        attempt,
        q,
        answer: answerKey(questions.get(q.id) as AuthorQuestion),
      })),
    );
    const first = attempts[0].questions.find(
      (q) => q.question.type === 'single_choice',
    ) as AttemptJson['questions'][0];
    const wrong = {
      optionId: first.question.options?.find(
        (o) =>
          o.id !== (answerKey(questions.get(first.id) as AuthorQuestion) as { optionId: string }).optionId,
      )?.id,
    };
    const responses = await Promise.all([
      call(users[0], 'PUT', `/api/attempts/${attempts[0].id}/answers/${first.id}`, {
        answer: wrong,
        timeSpentMs: 1000,
      }),
      ...saves.map((save) =>
        call(save.user, 'PUT', `/api/attempts/${save.attempt.id}/answers/${save.q.id}`, {
          answer: save.answer,
          timeSpentMs: 2000,
        }),
      ),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    const rows = await t.db.query(
      'SELECT attempt_id AS "attemptId", question_id AS "questionId", answer, time_spent_ms AS ms FROM quiz_attempt_answers WHERE attempt_id = ANY($1)',
      [attempts.map((a) => a.id)],
    );
    expect(rows).toHaveLength(18);
    const changed = rows.find(
      (row: { attemptId: string; questionId: string }) =>
        row.attemptId === attempts[0].id && row.questionId === first.id,
    );
    expect(changed.answer).toEqual(answerKey(questions.get(first.id) as AuthorQuestion));
    // Time spent is capped by the time since the attempt started (milliseconds here), and added up.
    expect(changed.ms).toBeGreaterThan(0);
    for (const attempt of attempts) {
      expect(
        (await call(users[attempts.indexOf(attempt)], 'POST', `/api/attempts/${attempt.id}/submit`)).json()
          .result.percent,
      ).toBe(100);
    }
  });

  it('refuses bad answers with codes and keeps the attempt consistent', async () => {
    const { courseId, quizId } = await aQuizCourse();
    const user = await aSignedInUser(t, Role.Learner);
    await enrol(user, courseId);
    const attempt = (await start(user, courseId, quizId)).json<AttemptJson>();
    const q = attempt.questions.find(
      (x) => x.question.type === 'single_choice',
    ) as AttemptJson['questions'][0];
    const url = `/api/attempts/${attempt.id}/answers/${q.id}`;
    const code = async (
      response: Promise<{ statusCode: number; json: () => { error: { code: string } } }>,
    ) => {
      const r = await response;
      return [r.statusCode, r.json().error.code];
    };

    expect(
      await code(
        call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${courseId}`, { answer: { optionId: 'x' } }),
      ),
    ).toEqual([422, ErrorCode.QuestionNotInAttempt]);
    expect(await code(call(user, 'PUT', url, { answer: { optionId: 'not-an-option' } }))).toEqual([
      422,
      ErrorCode.AnswerInvalid,
    ]);
    expect(await code(call(user, 'PUT', url, { answer: { value: true } }))).toEqual([
      422,
      ErrorCode.AnswerInvalid,
    ]);
    expect(await code(call(user, 'PUT', url, { answer: 'VNeID' }))).toEqual([
      400,
      ErrorCode.ValidationFailed,
    ]);
    expect(
      await code(call(user, 'PUT', url, { answer: { optionId: q.question.options?.[0].id }, extra: 1 })),
    ).toEqual([400, ErrorCode.ValidationFailed]);
    expect(
      await code(
        call(user, 'PUT', url, { answer: { optionId: q.question.options?.[0].id }, timeSpentMs: -5 }),
      ),
    ).toEqual([400, ErrorCode.ValidationFailed]);
    expect(
      (await call(user, 'PUT', `/api/attempts/not-a-uuid/answers/${q.id}`, { answer: {} })).statusCode,
    ).toBe(400);
    // Another learner's attempt does not exist for them, whatever they try.
    expect(await code(call(stranger, 'GET', `/api/attempts/${attempt.id}`))).toEqual([
      404,
      ErrorCode.AttemptNotFound,
    ]);
    expect(
      await code(call(stranger, 'PUT', url, { answer: { optionId: q.question.options?.[0].id } })),
    ).toEqual([404, ErrorCode.AttemptNotFound]);
    expect(await code(call(stranger, 'POST', `/api/attempts/${attempt.id}/submit`))).toEqual([
      404,
      ErrorCode.AttemptNotFound,
    ]);
    // A learner not enrolled cannot start.
    expect(await code(start(stranger, courseId, quizId))).toEqual([403, ErrorCode.NotEnrolled]);

    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM quiz_attempt_answers WHERE attempt_id = $1',
      [attempt.id],
    );
    expect(count).toBe(0);

    // Double submit (at once): one grading, the same result twice; answers afterwards are refused.
    const [a, b] = await Promise.all([
      call(user, 'POST', `/api/attempts/${attempt.id}/submit`),
      call(user, 'POST', `/api/attempts/${attempt.id}/submit`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().result).toEqual(b.json().result);
    expect(a.json().result).toMatchObject({ percent: 0, passed: false });
    expect(await code(call(user, 'PUT', url, { answer: { optionId: q.question.options?.[0].id } }))).toEqual([
      409,
      ErrorCode.AttemptClosed,
    ]);
    const rows = await t.db.query('SELECT answer, score FROM quiz_attempt_answers WHERE attempt_id = $1', [
      attempt.id,
    ]);
    expect(rows).toHaveLength(6);
    expect(
      rows.every((row: { answer: unknown; score: number }) => row.answer === null && row.score === 0),
    ).toBe(true);
  });

  it('enforces the deadline on the server: late answers are refused and the attempt closes as timed out', async () => {
    const { courseId, quizId } = await aQuizCourse({ ...SETTINGS, timeLimitMinutes: 1 });
    const user = await aSignedInUser(t, Role.Learner);
    await enrol(user, courseId);
    const attempt = (await start(user, courseId, quizId)).json<AttemptJson>();
    expect(attempt.remainingSeconds).toBeLessThanOrEqual(60);
    const [first, second] = attempt.questions;
    const keyOf = (id: string) => answerKey(questions.get(id) as AuthorQuestion);
    expect(
      (
        await call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${first.id}`, {
          answer: keyOf(first.id),
        })
      ).statusCode,
    ).toBe(200);

    // Time passes: the deadline (plus the grace seconds) is behind us.
    await t.db.query(
      `UPDATE quiz_attempts SET started_at = now() - interval '2 minutes', deadline_at = now() - interval '1 minute' WHERE id = $1`,
      [attempt.id],
    );
    const late = await call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${second.id}`, {
      answer: keyOf(second.id),
    });
    expect([late.statusCode, late.json().error.code]).toEqual([409, ErrorCode.AttemptClosed]);

    // Reading it back closes it: graded from what was saved in time, finished at the deadline.
    const closed = (await call(user, 'GET', `/api/attempts/${attempt.id}`)).json<AttemptJson>();
    expect(closed.status).toBe('timed_out');
    expect(closed.result?.points).toBe(1);
    expect(closed.remainingSeconds).toBe(0);
    const [row] = await t.db.query(
      'SELECT finished_at = deadline_at AS "atDeadline" FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    expect(row.atDeadline).toBe(true);
    // Submitting now changes nothing.
    expect((await call(user, 'POST', `/api/attempts/${attempt.id}/submit`)).json().result).toEqual(
      closed.result,
    );
  });

  it('limits attempts and cools down between them, saying when the next one may start', async () => {
    const { courseId, quizId } = await aQuizCourse({ ...SETTINGS, attemptsAllowed: 2, cooldownMinutes: 10 });
    const user = await aSignedInUser(t, Role.Learner);
    await enrol(user, courseId);
    const first = (await start(user, courseId, quizId)).json<AttemptJson>();
    await call(user, 'POST', `/api/attempts/${first.id}/submit`);

    const cooling = await start(user, courseId, quizId);
    expect([cooling.statusCode, cooling.json().error.code]).toEqual([409, ErrorCode.AttemptCoolingDown]);
    expect(Number(cooling.headers['retry-after'])).toBeGreaterThan(9 * 60);
    expect(Date.parse(cooling.json().error.details.retryAt)).toBeGreaterThan(Date.now() + 9 * 60_000);
    const overview = (await call(user, 'GET', `/api/learn/${courseId}/quizzes/${quizId}`)).json();
    expect(overview).toMatchObject({
      canStart: false,
      blockedReason: 'cooling_down',
      attemptsLeft: 1,
      passed: false,
    });

    await t.db.query(`UPDATE quiz_attempts SET finished_at = now() - interval '11 minutes' WHERE id = $1`, [
      first.id,
    ]);
    const second = await start(user, courseId, quizId);
    expect(second.statusCode).toBe(201);
    await call(user, 'POST', `/api/attempts/${second.json().id}/submit`);
    await t.db.query(`UPDATE quiz_attempts SET finished_at = now() - interval '1 day' WHERE user_id = $1`, [
      user.id,
    ]);
    const none = await start(user, courseId, quizId);
    expect([none.statusCode, none.json().error.code]).toEqual([409, ErrorCode.NoAttemptsLeft]);
  });

  it('with feedback after each question, marks the answer at once and keeps it final', async () => {
    const { courseId, quizId } = await aQuizCourse({ ...SETTINGS, feedback: 'after_each' });
    const user = await aSignedInUser(t, Role.Learner);
    await enrol(user, courseId);
    const attempt = (await start(user, courseId, quizId)).json<AttemptJson>();
    const q = attempt.questions[0];
    const key = answerKey(questions.get(q.id) as AuthorQuestion);
    const saved = await call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${q.id}`, { answer: key });
    expect(saved.json().feedback).toMatchObject({ correct: true, score: 1 });
    const again = await call(user, 'PUT', `/api/attempts/${attempt.id}/answers/${q.id}`, { answer: key });
    expect([again.statusCode, again.json().error.code]).toEqual([409, ErrorCode.AnswerLocked]);
    // The other questions still carry no feedback.
    const view = (await call(user, 'GET', `/api/attempts/${attempt.id}`)).json<AttemptJson>();
    expect(view.questions[0].feedback).not.toBeNull();
    expect(view.questions.slice(1).every((x) => x.feedback === null)).toBe(true);
  });

  it('completes the course when every required lesson is done and the final exam is passed, once, with one outbox event', async () => {
    const { courseId, articleId, quizId, examId } = await aQuizCourse(SETTINGS, { finalExam: true });
    const user = await aSignedInUser(t, Role.Learner);
    await enrol(user, courseId);
    const outline = async () => (await call(user, 'GET', `/api/learn/${courseId}`)).json();
    expect((await outline()).sections[0].lessons.find((l: { id: string }) => l.id === examId).finalExam).toBe(
      true,
    );

    // Failing the quiz (2 of 6 right) does not complete it.
    const failed = (await start(user, courseId, quizId)).json<AttemptJson>();
    await answerAll(user, failed, (i) => i < 2);
    expect((await call(user, 'POST', `/api/attempts/${failed.id}/submit`)).json().result).toMatchObject({
      passed: false,
      percent: 33.3,
    });

    const quiz = (await start(user, courseId, quizId)).json<AttemptJson>();
    await answerAll(user, quiz, (i) => i !== 0); // 5 of 6 = 83.3 % ≥ 80 %
    expect((await call(user, 'POST', `/api/attempts/${quiz.id}/submit`)).json().result).toMatchObject({
      passed: true,
      courseCompleted: false,
    });
    expect((await outline()).progressPercent).toBe(33); // quiz done; article and final exam not yet

    const exam = (await start(user, courseId, examId as string)).json<AttemptJson>();
    await answerAll(user, exam, () => true);
    expect((await call(user, 'POST', `/api/attempts/${exam.id}/submit`)).json().result).toMatchObject({
      passed: true,
      courseCompleted: false,
    });
    expect((await outline()).progressPercent).toBe(66);

    // The article is the last missing item: completing it completes the course.
    await call(user, 'POST', `/api/learn/${courseId}/lessons/${articleId}/complete`);
    await call(user, 'POST', `/api/learn/${courseId}/lessons/${articleId}/complete`);
    expect((await outline()).progressPercent).toBe(100);
    const [enrolment] = await t.db.query(
      'SELECT id, completed_at AS "completedAt", progress_percent AS progress FROM enrolments WHERE user_id = $1 AND course_id = $2',
      [user.id, courseId],
    );
    expect(enrolment.completedAt).not.toBeNull();
    expect(enrolment.progress).toBe(100);
    const completions = await t.db.query(
      'SELECT final_exam_percent AS percent FROM course_completions WHERE enrolment_id = $1',
      [enrolment.id],
    );
    expect(completions).toEqual([{ percent: '100.0' }]);
    const events = await t.db.query(
      `SELECT type, payload FROM outbox_events WHERE payload ->> 'enrolmentId' = $1`,
      [enrolment.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'CourseCompleted',
      payload: { userId: user.id, courseId, finalExamPercent: 100 },
    });

    // Passing again later neither completes again nor emits again.
    const retake = (await start(user, courseId, examId as string)).json<AttemptJson>();
    await answerAll(user, retake, () => true);
    expect((await call(user, 'POST', `/api/attempts/${retake.id}/submit`)).json().result).toMatchObject({
      passed: true,
      courseCompleted: true,
    });
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM outbox_events WHERE payload ->> 'enrolmentId' = $1`,
      [enrolment.id],
    );
    expect(count).toBe(1);
    const mine = (await call(user, 'GET', '/api/me/learning'))
      .json()
      .find((c: { courseId: string }) => c.courseId === courseId);
    expect(mine).toMatchObject({ progressPercent: 100 });
    expect(mine.completedAt).not.toBeNull();
  });

  it('gives the course editors item statistics and a score distribution, and nobody else', async () => {
    const { courseId, quizId } = await aQuizCourse();
    for (const right of [6, 3, 0]) {
      const user = await aSignedInUser(t, Role.Learner);
      await enrol(user, courseId);
      const attempt = (await start(user, courseId, quizId)).json<AttemptJson>();
      await answerAll(user, attempt, (i) => i < right);
      await call(user, 'POST', `/api/attempts/${attempt.id}/submit`);
    }
    const stats = await call(owner, 'GET', `/api/studio/lessons/${quizId}/quiz-stats`);
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    expect(body).toMatchObject({ attempts: 3, learners: 3, passedAttempts: 1, averagePercent: 50 });
    expect(body.distribution.map((b: { count: number }) => b.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    const drawn = body.questions.reduce((sum: number, q: { attempts: number }) => sum + q.attempts, 0);
    expect(drawn).toBe(18);
    expect(body.questions[0].text.vi).toBeDefined();
    expect(
      body.questions.every(
        (q: { averageSeconds: number | null }) => q.averageSeconds === null || q.averageSeconds >= 0,
      ),
    ).toBe(true);

    expect((await call(learner, 'GET', `/api/studio/lessons/${quizId}/quiz-stats`)).statusCode).toBe(403);
    const other = await aSignedInUser(t, Role.Teacher);
    expect((await call(other, 'GET', `/api/studio/lessons/${quizId}/quiz-stats`)).json().error.code).toBe(
      ErrorCode.NotCourseEditor,
    );
  });

  it('reports quiz settings the bank cannot serve, and refuses impossible ones', async () => {
    const course = await aCourse(t, owner, { sections: [1], publish: false });
    const outline = (
      await call(owner, 'POST', `/api/studio/sections/${course.sections[0].id}/lessons`, {
        kind: 'quiz',
        title: { vi: 'Kiểm tra' },
      })
    ).json();
    const quizId = outline.sections[0].lessons.at(-1).id;
    const saved = await call(owner, 'PUT', `/api/studio/lessons/${quizId}/quiz`, {
      ...SETTINGS,
      finalExam: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().quizProblem).toMatch(/VNeID/);
    const publish = await call(owner, 'POST', `/api/studio/courses/${course.id}/publish`, {});
    expect([publish.statusCode, publish.json().error.code]).toEqual([422, ErrorCode.QuizNotReady]);
    expect(publish.json().error.details.lessons[0].lessonId).toBe(quizId);

    const tooMany = await call(owner, 'PUT', `/api/studio/lessons/${quizId}/quiz`, {
      ...SETTINGS,
      pools: [
        { tag: 'a', count: 100 },
        { tag: 'b', count: 1 },
      ],
      finalExam: false,
    });
    expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([422, ErrorCode.QuizSettingsInvalid]);
    const malformed = await call(owner, 'PUT', `/api/studio/lessons/${quizId}/quiz`, {
      ...SETTINGS,
      passingPercent: 101,
      finalExam: false,
    });
    expect(malformed.statusCode).toBe(400);
    const article = course.sections[0].lessons[0].id;
    const wrongKind = await call(owner, 'PUT', `/api/studio/lessons/${article}/quiz`, {
      ...SETTINGS,
      finalExam: false,
    });
    expect([wrongKind.statusCode, wrongKind.json().error.code]).toEqual([
      400,
      ErrorCode.LessonKindUnsupported,
    ]);
  });
});

import { Answer, AuthorQuestion } from '@hocvu/assessment';
import {
  courseCompletedKey,
  JobName,
  JOBS,
  OUTBOX_ROUTES,
  OutboxEventType,
  outboxJobId,
  QuizFeedback,
  QuizSettings,
} from '@hocvu/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { producer, startTestWorker, testWorkerConfig, waitFor } from '../../../test/test-worker';

/** The frozen questions every attempt here drew: four, so three right answers make 75 %. */
const QUESTIONS: { id: string; question: AuthorQuestion }[] = [
  {
    id: randomUUID(),
    question: {
      type: 'single_choice',
      text: { vi: 'Ứng dụng nào dùng để định danh điện tử?' },
      tags: ['vneid'],
      options: [
        { id: 'k3f9ab12', text: { vi: 'VNeID' } },
        { id: 'p2x1cd34', text: { vi: 'Zalo' } },
      ],
      correctOptionId: 'k3f9ab12',
    },
  },
  {
    id: randomUUID(),
    question: {
      type: 'true_false',
      text: { vi: 'Không được chia sẻ mã OTP cho người khác.' },
      tags: ['safety'],
      correctAnswer: true,
    },
  },
  {
    id: randomUUID(),
    question: {
      type: 'multiple_choice',
      text: { vi: 'Những dấu hiệu nào là lừa đảo?' },
      tags: ['safety'],
      options: [
        { id: 'a8c0ef56', text: { vi: 'Yêu cầu chuyển tiền gấp' } },
        { id: 'b7d1gh78', text: { vi: 'Đường link lạ' } },
        { id: 'c6e2ij90', text: { vi: 'Tin nhắn từ tổng đài chính thức' } },
      ],
      correctOptionIds: ['a8c0ef56', 'b7d1gh78'],
    },
  },
  {
    id: randomUUID(),
    question: {
      type: 'short_text',
      text: { vi: 'Giấy tờ tuỳ thân có gắn chip gọi là gì?' },
      tags: ['vneid'],
      acceptedAnswers: ['Căn cước'],
      diacriticInsensitive: true,
    },
  },
];
const [SINGLE, TRUE_FALSE, MULTIPLE] = QUESTIONS.map((q) => q.id);

const SETTINGS: QuizSettings = {
  pools: [
    { tag: 'vneid', count: 2 },
    { tag: 'safety', count: 2 },
  ],
  shuffleQuestions: true,
  shuffleOptions: true,
  timeLimitMinutes: 15,
  attemptsAllowed: 3,
  cooldownMinutes: 0,
  passingPercent: 70,
  feedback: QuizFeedback.AfterSubmit,
};

describe('CloseExpiredAttempts (integration)', () => {
  const config = testWorkerConfig();
  const db = new Client({ connectionString: config.DATABASE_URL });

  beforeAll(() => db.connect());
  afterAll(() => db.end());

  async function aUser(role: 'learner' | 'teacher'): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (phone, password_hash, role, full_name) VALUES ($1, 'x', $2, 'Nguyễn Thị Học') RETURNING id`,
      [`+849${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, role],
    );
    return rows[0].id;
  }

  /** A published course whose outline is one section with one required quiz lesson (its final exam or not). */
  async function aPublishedQuizCourse(finalExam: boolean) {
    const lessonId = randomUUID();
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO courses (slug, owner_id, title, status, published_version, published_revision)
       VALUES ($1, $2, '{"vi":"An toàn trên mạng"}', 'published', 1, 1) RETURNING id`,
      [`quiz-${randomUUID()}`, await aUser('teacher')],
    );
    const courseId = rows[0].id;
    const outline = {
      title: { vi: 'An toàn trên mạng' },
      sections: [
        {
          id: randomUUID(),
          title: { vi: 'Phần 1' },
          lessons: [
            {
              id: lessonId,
              kind: 'quiz',
              title: { vi: 'Kiểm tra' },
              required: true,
              estimatedMinutes: 15,
              finalExam,
            },
          ],
        },
      ],
    };
    const version = await db.query<{ id: string }>(
      `INSERT INTO course_versions (course_id, version, outline) VALUES ($1, 1, $2) RETURNING id`,
      [courseId, JSON.stringify(outline)],
    );
    return { courseId, lessonId, versionId: version.rows[0].id };
  }

  type Course = Awaited<ReturnType<typeof aPublishedQuizCourse>>;

  /**
   * A learner enrolled in `course` with an attempt in progress, its deadline `deadline` from now (in
   * milliseconds, as the API computes deadlines in JavaScript), and `answers` saved before it.
   */
  async function anAttempt(course: Course, deadline: string, answers: Record<string, Answer>) {
    const userId = await aUser('learner');
    const enrolment = await db.query<{ id: string }>(
      `INSERT INTO enrolments (course_id, user_id) VALUES ($1, $2) RETURNING id`,
      [course.courseId, userId],
    );
    const attempt = await db.query<{ id: string }>(
      `INSERT INTO quiz_attempts (user_id, course_id, lesson_id, version_id, attempt_no, seed, settings, questions,
                                  started_at, deadline_at)
       VALUES ($1, $2, $3, $4, 1, 'seed-1', $5, $6, now() + $7::interval - interval '15 minutes',
               date_trunc('milliseconds', now() + $7::interval))
       RETURNING id`,
      [
        userId,
        course.courseId,
        course.lessonId,
        course.versionId,
        JSON.stringify(SETTINGS),
        JSON.stringify(QUESTIONS),
        deadline,
      ],
    );
    const attemptId = attempt.rows[0].id;
    for (const [questionId, answer] of Object.entries(answers)) {
      await db.query(
        `INSERT INTO quiz_attempt_answers (attempt_id, question_id, position, answer, answered_at)
         VALUES ($1, $2, $3, $4, now() + $5::interval - interval '1 minute')`,
        [
          attemptId,
          questionId,
          QUESTIONS.findIndex((q) => q.id === questionId),
          JSON.stringify(answer),
          deadline,
        ],
      );
    }
    return { attemptId, userId, enrolmentId: enrolment.rows[0].id };
  }

  const attemptRow = async (id: string) =>
    (
      await db.query(
        `SELECT status, finished_at = deadline_at AS "finishedAtDeadline", finished_at AS "finishedAt",
                points, max_points AS "maxPoints", score_percent::float AS percent, passed
           FROM quiz_attempts WHERE id = $1`,
        [id],
      )
    ).rows[0];

  const answerRows = async (id: string) =>
    (
      await db.query(
        `SELECT question_id AS "questionId", position, answer IS NOT NULL AS answered, score, correct
           FROM quiz_attempt_answers WHERE attempt_id = $1 ORDER BY position`,
        [id],
      )
    ).rows;

  const completionsOf = async (enrolmentId: string) => ({
    completions: (await db.query('SELECT * FROM course_completions WHERE enrolment_id = $1', [enrolmentId]))
      .rows,
    events: (
      await db.query(`SELECT id::text AS id, type, payload FROM outbox_events WHERE dedupe_key = $1`, [
        courseCompletedKey(enrolmentId),
      ])
    ).rows,
    enrolment: (
      await db.query(
        'SELECT completed_at AS "completedAt", progress_percent AS "progress" FROM enrolments WHERE id = $1',
        [enrolmentId],
      )
    ).rows[0],
  });

  it('grades expired attempts from their saved answers as timed out at the deadline; a pass completes the course once', async () => {
    const exam = await aPublishedQuizCourse(true);
    const passing = await anAttempt(exam, '-10 minutes', {
      [SINGLE]: { type: 'single_choice', optionId: 'k3f9ab12' },
      [TRUE_FALSE]: { type: 'true_false', value: true },
      [MULTIPLE]: { type: 'multiple_choice', optionIds: ['b7d1gh78', 'a8c0ef56'] },
    });
    const failing = await anAttempt(exam, '-3 minutes', {
      [SINGLE]: { type: 'single_choice', optionId: 'p2x1cd34' },
      [TRUE_FALSE]: { type: 'true_false', value: true },
    });
    const open = await anAttempt(exam, '10 minutes', {
      [SINGLE]: { type: 'single_choice', optionId: 'k3f9ab12' },
    });

    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.CloseExpiredAttempts].queue);
    const courseEvents = producer(config, OUTBOX_ROUTES[OutboxEventType.CourseCompleted].queue);
    try {
      const run = await queue.add(JobName.CloseExpiredAttempts, { batchSize: 200 });
      expect(await run.waitUntilFinished(events, 20_000)).toEqual({
        closed: 2,
        completedCourses: 1,
        failed: 0,
      });

      expect(await attemptRow(passing.attemptId)).toMatchObject({
        status: 'timed_out',
        finishedAtDeadline: true,
        points: 3,
        maxPoints: 4,
        percent: 75,
        passed: true,
      });
      expect(await answerRows(passing.attemptId)).toEqual(
        QUESTIONS.map((q, position) => ({
          questionId: q.id,
          position,
          answered: position < 3,
          score: position < 3 ? 1 : 0,
          correct: position < 3,
        })),
      );
      const passed = await completionsOf(passing.enrolmentId);
      expect(passed.completions).toEqual([
        expect.objectContaining({
          course_id: exam.courseId,
          version_id: exam.versionId,
          final_exam_percent: '75.0',
        }),
      ]);
      expect(passed.enrolment).toMatchObject({ progress: 100, completedAt: expect.any(Date) });
      expect(passed.events).toEqual([
        expect.objectContaining({
          type: OutboxEventType.CourseCompleted,
          payload: expect.objectContaining({
            enrolmentId: passing.enrolmentId,
            userId: passing.userId,
            courseId: exam.courseId,
            finalExamPercent: 75,
          }),
        }),
      ]);

      expect(await attemptRow(failing.attemptId)).toMatchObject({
        status: 'timed_out',
        finishedAtDeadline: true,
        points: 1,
        percent: 25,
        passed: false,
      });
      expect((await answerRows(failing.attemptId)).map((row) => row.correct)).toEqual([
        false,
        true,
        false,
        false,
      ]);
      expect(await completionsOf(failing.enrolmentId)).toEqual({
        completions: [],
        events: [],
        enrolment: { completedAt: null, progress: 0 },
      });

      expect(await attemptRow(open.attemptId)).toMatchObject({
        status: 'in_progress',
        finishedAt: null,
        passed: null,
      });
      expect(await answerRows(open.attemptId)).toEqual([
        expect.objectContaining({ score: null, correct: null }),
      ]);

      // The worker's outbox relay hands the completion on to the (future) certificate consumer.
      const jobId = outboxJobId(courseCompletedKey(passing.enrolmentId));
      await waitFor(async () => (await courseEvents.queue.getJob(jobId)) !== undefined, 10_000);
      expect((await courseEvents.queue.getJob(jobId))?.data).toEqual(passed.events[0].payload);

      // Running again finds nothing to do and changes nothing.
      const snapshot = async () => ({
        passing: await attemptRow(passing.attemptId),
        passingAnswers: await answerRows(passing.attemptId),
        completion: await completionsOf(passing.enrolmentId),
        failing: await attemptRow(failing.attemptId),
        failingAnswers: await answerRows(failing.attemptId),
        open: await attemptRow(open.attemptId),
      });
      const before = await snapshot();
      const again = await queue.add(JobName.CloseExpiredAttempts, { batchSize: 200 });
      expect(await again.waitUntilFinished(events, 20_000)).toEqual({
        closed: 0,
        completedCourses: 0,
        failed: 0,
      });
      expect(await snapshot()).toEqual(before);

      expect(await queue.getJobSchedulers()).toContainEqual(
        expect.objectContaining({ key: `schedule:${JobName.CloseExpiredAttempts}`, pattern: '* * * * *' }),
      );
    } finally {
      await Promise.all([close(), courseEvents.close()]);
      await worker.close();
    }
  });

  it('closes more expired attempts than one batch holds, in rounds', async () => {
    const course = await aPublishedQuizCourse(false);
    const attempts = [];
    for (let i = 0; i < 5; i += 1) {
      attempts.push(
        await anAttempt(course, '-1 minute', { [TRUE_FALSE]: { type: 'true_false', value: true } }),
      );
    }
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.CloseExpiredAttempts].queue);
    try {
      const run = await queue.add(JobName.CloseExpiredAttempts, { batchSize: 2 });
      expect(await run.waitUntilFinished(events, 20_000)).toEqual({
        closed: 5,
        completedCourses: 0,
        failed: 0,
      });
      for (const { attemptId } of attempts) {
        expect(await attemptRow(attemptId)).toMatchObject({
          status: 'timed_out',
          percent: 25,
          passed: false,
        });
      }
    } finally {
      await close();
      await worker.close();
    }
  });
});

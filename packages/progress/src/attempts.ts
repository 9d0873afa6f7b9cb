import { Answer, AuthorQuestion, grade, scoreAttempt } from '@hocvu/assessment';
import {
  ATTEMPT_DEADLINE_GRACE_SECONDS,
  AttemptStatus,
  CourseCompletedEvent,
  QuizSettings,
} from '@hocvu/contracts';

import { recordLessonCompletions } from './lesson-completions';
import { SqlRunner } from './sql';

/** A question frozen into an attempt when it started: the bank's id and the author's question then. */
export interface FrozenQuestion {
  id: string;
  question: AuthorQuestion;
}

export interface FinishedAttempt {
  attemptId: string;
  userId: string;
  courseId: string;
  lessonId: string;
  status: Exclude<AttemptStatus, 'in_progress'>;
  points: number;
  maxPoints: number;
  percent: number;
  passed: boolean;
  finishedAt: Date;
  /** False when the attempt had already been finished (a repeated submit, or the closing job first). */
  finishedNow: boolean;
  /** Set when passing this attempt completed the course (the event is in the outbox). */
  courseCompleted: CourseCompletedEvent | null;
}

interface AttemptRow {
  id: string;
  userId: string;
  courseId: string;
  lessonId: string;
  status: AttemptStatus;
  settings: QuizSettings;
  questions: FrozenQuestion[];
  deadlineAt: Date | null;
  finishedAt: Date | null;
  points: number | null;
  maxPoints: number | null;
  percent: string | null;
  passed: boolean | null;
}

/**
 * Finishes an attempt: grades every frozen question against the answers saved (an unanswered question
 * scores 0), stores each question's result (for item statistics), the score and pass/fail, and — when
 * passed — completes the quiz lesson, which may complete the course (see recordLessonCompletions). Run
 * inside the caller's transaction.
 *
 * Idempotent: the attempt row is locked first; an attempt already finished is returned as it was
 * (`finishedNow` false), whoever finished it — the learner's submit, a repeated submit, or the job that
 * closes expired attempts.
 *
 * Past the deadline (plus the grace period), a submit finishes the attempt as `timed_out` at its
 * deadline; no answer saved after the deadline exists (saving refuses it), so nothing late is graded.
 * Returns null when there is no such attempt.
 */
export async function finishAttempt(
  db: SqlRunner,
  attemptId: string,
  now: Date = new Date(),
): Promise<FinishedAttempt | null> {
  const [attempt] = await db.query<AttemptRow[]>(
    `SELECT id, user_id AS "userId", course_id AS "courseId", lesson_id AS "lessonId", status, settings, questions,
            deadline_at AS "deadlineAt", finished_at AS "finishedAt", points, max_points AS "maxPoints",
            score_percent AS percent, passed
       FROM quiz_attempts WHERE id = $1 FOR UPDATE`,
    [attemptId],
  );
  if (!attempt) return null;
  if (attempt.status !== AttemptStatus.InProgress) {
    return {
      ...identity(attempt),
      status: attempt.status,
      points: attempt.points ?? 0,
      maxPoints: attempt.maxPoints ?? attempt.questions.length,
      percent: Number(attempt.percent ?? 0),
      passed: attempt.passed === true,
      finishedAt: new Date(attempt.finishedAt ?? now),
      finishedNow: false,
      courseCompleted: null,
    };
  }

  const saved = await db.query<{ questionId: string; answer: Answer | null }[]>(
    `SELECT question_id AS "questionId", answer FROM quiz_attempt_answers WHERE attempt_id = $1`,
    [attemptId],
  );
  const answers = new Map(saved.map((row) => [row.questionId, row.answer]));
  const results = attempt.questions.map(({ id, question }) => ({ id, ...grade(question, answers.get(id)) }));
  const score = scoreAttempt(
    results.map((result) => result.score),
    attempt.settings.passingPercent,
  );
  const deadline = attempt.deadlineAt === null ? null : new Date(attempt.deadlineAt);
  const timedOut =
    deadline !== null && now.getTime() > deadline.getTime() + ATTEMPT_DEADLINE_GRACE_SECONDS * 1000;
  const status = timedOut ? AttemptStatus.TimedOut : AttemptStatus.Submitted;
  const finishedAt = timedOut && deadline ? deadline : now;

  // One row per question, answered or not, so statistics count every time a question was drawn.
  await db.query(
    `INSERT INTO quiz_attempt_answers (attempt_id, question_id, position, score, correct)
     SELECT $1, x.question_id, x.position, x.score, x.correct
       FROM jsonb_to_recordset($2::jsonb) AS x(question_id uuid, position smallint, score real, correct boolean)
     ON CONFLICT (attempt_id, question_id) DO UPDATE SET score = EXCLUDED.score, correct = EXCLUDED.correct`,
    [
      attemptId,
      JSON.stringify(
        results.map((result, position) => ({
          question_id: result.id,
          position,
          score: result.score,
          correct: result.correct,
        })),
      ),
    ],
  );
  await db.query(
    // A timed-out attempt finishes at its deadline exactly as stored (microseconds; a JS Date has ms).
    `UPDATE quiz_attempts
        SET status = $2, finished_at = CASE WHEN $8 THEN deadline_at ELSE $3 END, points = $4, max_points = $5,
            score_percent = $6, passed = $7
      WHERE id = $1`,
    [attemptId, status, finishedAt, score.points, score.maxPoints, score.percent, score.passed, timedOut],
  );
  let courseCompleted: CourseCompletedEvent | null = null;
  if (score.passed) {
    const outcome = await recordLessonCompletions(db, [
      { userId: attempt.userId, courseId: attempt.courseId, lessonId: attempt.lessonId },
    ]);
    courseCompleted = outcome.completedCourses[0] ?? null;
  }
  return {
    ...identity(attempt),
    status,
    points: score.points,
    maxPoints: score.maxPoints,
    percent: score.percent,
    passed: score.passed,
    finishedAt,
    finishedNow: true,
    courseCompleted,
  };
}

/**
 * Ids of attempts still open past their deadline and grace period (oldest first), for the job that
 * closes attempts whose learner never came back.
 */
export async function expiredAttemptIds(
  db: SqlRunner,
  limit: number,
  now: Date = new Date(),
): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM quiz_attempts
      WHERE status = 'in_progress' AND deadline_at < $1::timestamptz - make_interval(secs => $2)
      ORDER BY deadline_at LIMIT $3`,
    [now, ATTEMPT_DEADLINE_GRACE_SECONDS, limit],
  );
  return rows.map((row) => row.id);
}

function identity(attempt: AttemptRow) {
  return {
    attemptId: attempt.id,
    userId: attempt.userId,
    courseId: attempt.courseId,
    lessonId: attempt.lessonId,
  };
}

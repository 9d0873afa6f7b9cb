import { CourseCompletedEvent, courseCompletedKey, OutboxEventType } from '@hocvu/contracts';

import { courseProgress, ProgressOutline } from './course-progress';
import { SqlRunner } from './sql';

export interface LessonCompletion {
  userId: string;
  courseId: string;
  lessonId: string;
}

export interface CompletionOutcome {
  /** Lessons recorded now (not completed before). */
  newLessons: LessonCompletion[];
  /** Enrolments whose course became complete in this call, with the event written to the outbox. */
  completedCourses: CourseCompletedEvent[];
}

interface EnrolmentRow {
  id: string;
  userId: string;
  courseId: string;
  completedAt: Date | null;
}

/**
 * Records completed lessons and, for each learner and course touched, recomputes the course progress
 * and — the first time the course is complete — records the course completion and writes a
 * `CourseCompleted` event to the outbox. Run inside the caller's transaction, so the lesson, the
 * completion and the event commit together or not at all.
 *
 * Exactly once: the learner's enrolment row is locked first (in a fixed order, so concurrent callers
 * cannot deadlock on it), which serialises everything that can complete the same course — a video
 * heartbeat and a quiz submit finishing together both see each other's lesson; the completion is
 * written only while `enrolments.completed_at` is still null; and the completion's primary key and the
 * event's dedupe key refuse a second one even if that guard were bypassed.
 *
 * Lessons of learners not enrolled in the course are ignored (callers check enrolment first).
 */
export async function recordLessonCompletions(
  db: SqlRunner,
  completions: readonly LessonCompletion[],
): Promise<CompletionOutcome> {
  if (completions.length === 0) return { newLessons: [], completedCourses: [] };
  const pairs = uniqueBy(completions, (c) => `${c.courseId}:${c.userId}`);
  const enrolments = await db.query<EnrolmentRow[]>(
    `SELECT e.id, e.user_id AS "userId", e.course_id AS "courseId", e.completed_at AS "completedAt"
       FROM enrolments e
       JOIN unnest($1::uuid[], $2::uuid[]) AS k(course_id, user_id)
         ON e.course_id = k.course_id AND e.user_id = k.user_id
      ORDER BY e.course_id, e.user_id
        FOR UPDATE OF e`,
    [pairs.map((p) => p.courseId), pairs.map((p) => p.userId)],
  );
  const enrolled = new Set(enrolments.map((e) => `${e.courseId}:${e.userId}`));
  const wanted = uniqueBy(completions, (c) => `${c.userId}:${c.lessonId}`).filter((c) =>
    enrolled.has(`${c.courseId}:${c.userId}`),
  );
  const inserted = await db.query<{ userId: string; lessonId: string; courseId: string }[]>(
    `INSERT INTO lesson_completions (user_id, lesson_id, course_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])
     ON CONFLICT (user_id, lesson_id) DO NOTHING
     RETURNING user_id AS "userId", lesson_id AS "lessonId", course_id AS "courseId"`,
    [wanted.map((c) => c.userId), wanted.map((c) => c.lessonId), wanted.map((c) => c.courseId)],
  );

  const completedCourses: CourseCompletedEvent[] = [];
  for (const enrolment of enrolments) {
    const event = await refreshEnrolment(db, enrolment);
    if (event) completedCourses.push(event);
  }
  return { newLessons: inserted, completedCourses };
}

/**
 * Recomputes one (locked) enrolment's progress against the course's current published version and
 * records its completion when the rule is met for the first time. Also used after republishing.
 */
async function refreshEnrolment(
  db: SqlRunner,
  enrolment: EnrolmentRow,
): Promise<CourseCompletedEvent | null> {
  const [state] = await db.query<{ versionId: string; outline: ProgressOutline; completed: string[] }[]>(
    `SELECT v.id AS "versionId", v.outline,
            coalesce((SELECT array_agg(lc.lesson_id) FROM lesson_completions lc
                       WHERE lc.user_id = $2 AND lc.course_id = $1), '{}') AS completed
       FROM courses c
       JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
      WHERE c.id = $1`,
    [enrolment.courseId, enrolment.userId],
  );
  if (!state) return null;
  const progress = courseProgress(state.outline, new Set(state.completed));
  await db.query(`UPDATE enrolments SET progress_percent = $2 WHERE id = $1 AND progress_percent <> $2`, [
    enrolment.id,
    progress.percent,
  ]);
  if (!progress.complete || enrolment.completedAt !== null) return null;

  let finalExamPercent: number | null = null;
  if (progress.finalExamLessonId !== null) {
    const [best] = await db.query<{ percent: string | null }[]>(
      `SELECT max(score_percent) AS percent FROM quiz_attempts WHERE user_id = $1 AND lesson_id = $2 AND passed`,
      [enrolment.userId, progress.finalExamLessonId],
    );
    finalExamPercent = best?.percent === null || best?.percent === undefined ? null : Number(best.percent);
  }
  const [completion] = await db.query<{ completedAt: Date }[]>(
    `INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id, final_exam_percent)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (enrolment_id) DO NOTHING
     RETURNING completed_at AS "completedAt"`,
    [enrolment.id, enrolment.userId, enrolment.courseId, state.versionId, finalExamPercent],
  );
  if (!completion) return null;
  await db.query(`UPDATE enrolments SET completed_at = $2 WHERE id = $1`, [
    enrolment.id,
    completion.completedAt,
  ]);
  const event: CourseCompletedEvent = {
    enrolmentId: enrolment.id,
    userId: enrolment.userId,
    courseId: enrolment.courseId,
    versionId: state.versionId,
    completedAt: new Date(completion.completedAt).toISOString(),
    finalExamPercent,
  };
  await db.query(
    `INSERT INTO outbox_events (type, dedupe_key, payload) VALUES ($1, $2, $3)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [OutboxEventType.CourseCompleted, courseCompletedKey(enrolment.id), JSON.stringify(event)],
  );
  // Wake the relay now rather than at its next poll (delivered at commit, dropped on rollback).
  await db.query(`SELECT pg_notify('hocvu_outbox', '')`);
  return event;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

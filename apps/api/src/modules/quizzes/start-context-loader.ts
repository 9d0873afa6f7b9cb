import { AttemptStatus } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { GroupCommit } from '../../common/batching/group-commit';

export interface StartKey {
  userId: string;
  courseId: string;
  lessonId: string;
}

/** A learner's attempts at one quiz, oldest first. */
export interface AttemptSummaryRow {
  id: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  percent: number | string | null;
  passed: boolean | null;
}

/** What starting an attempt must know: the enrolment (null version: not enrolled) and earlier attempts. */
export interface StartContext {
  courseId: string;
  versionId: string | null;
  completed: string[];
  attempts: AttemptSummaryRow[];
}

/**
 * Reads the start context of many learners in one query. At an exam's opening minute thousands of
 * starts arrive together; reading each learner's enrolment, completed lessons and earlier attempts
 * separately costs round trips (and system calls) that dominate the start. Batched like writes are
 * (GroupCommit): one statement per batch, one row per request.
 */
@Injectable()
export class StartContextLoader {
  private readonly group = new GroupCommit<StartKey, StartContext>((keys) => this.read(keys), {
    maxBatch: 500,
    maxConcurrent: 2,
    failure: (error) => error,
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  load(key: StartKey): Promise<StartContext> {
    return this.group.submit(key);
  }

  private async read(keys: StartKey[]): Promise<StartContext[]> {
    const rows = await this.dataSource.query<
      { i: string; versionId: string | null; completed: string[]; attempts: AttemptSummaryRow[] }[]
    >(
      `SELECT k.i, v.id AS "versionId",
              coalesce((SELECT array_agg(lc.lesson_id) FROM lesson_completions lc
                         WHERE lc.user_id = k.user_id AND lc.course_id = k.course_id), '{}') AS completed,
              coalesce((SELECT json_agg(json_build_object(
                                 'id', a.id, 'attemptNo', a.attempt_no, 'status', a.status, 'startedAt', a.started_at,
                                 'deadlineAt', a.deadline_at, 'finishedAt', a.finished_at, 'percent', a.score_percent,
                                 'passed', a.passed) ORDER BY a.attempt_no)
                          FROM quiz_attempts a WHERE a.user_id = k.user_id AND a.lesson_id = k.lesson_id), '[]') AS attempts
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS k(user_id, course_id, lesson_id, i)
         LEFT JOIN enrolments e ON e.course_id = k.course_id AND e.user_id = k.user_id
         LEFT JOIN courses c ON c.id = e.course_id
         LEFT JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version`,
      [keys.map((k) => k.userId), keys.map((k) => k.courseId), keys.map((k) => k.lessonId)],
    );
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    return keys.map((key, index) => {
      const row = byIndex.get(index + 1);
      return {
        courseId: key.courseId,
        versionId: row?.versionId ?? null,
        completed: row?.completed ?? [],
        // json_agg gives timestamps as text.
        attempts: (row?.attempts ?? []).map((attempt) => ({
          ...attempt,
          startedAt: new Date(attempt.startedAt),
          deadlineAt: attempt.deadlineAt === null ? null : new Date(attempt.deadlineAt),
          finishedAt: attempt.finishedAt === null ? null : new Date(attempt.finishedAt),
        })),
      };
    });
  }
}

import { ErrorCode, QuizSettings } from '@hocvu/contracts';
import { FrozenQuestion } from '@hocvu/progress';
import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { GroupCommit } from '../../common/batching/group-commit';
import { AppError } from '../../common/errors/app-error';

export interface NewAttempt {
  userId: string;
  courseId: string;
  lessonId: string;
  versionId: string;
  attemptNo: number;
  seed: string;
  settings: QuizSettings;
  questions: FrozenQuestion[];
  startedAt: Date;
  deadlineAt: Date | null;
}

const MAX_BATCH = 200;
const MAX_CONCURRENT_BATCHES = 2;

/**
 * Group commit for new attempts: when an exam opens, thousands of learners start within seconds, and
 * one INSERT (one WAL flush) per start makes the start the slowest step. Starts arriving together are
 * written by one statement. `ON CONFLICT DO NOTHING` keeps the one-open-attempt rule per row (also
 * between two starts of the same learner in one batch): a start that inserted nothing resolves null
 * and the caller resumes the attempt that won.
 */
@Injectable()
export class AttemptInserter implements OnApplicationShutdown {
  private readonly logger = new Logger(AttemptInserter.name);
  private readonly group = new GroupCommit<NewAttempt, string | null>((batch) => this.write(batch), {
    maxBatch: MAX_BATCH,
    maxConcurrent: MAX_CONCURRENT_BATCHES,
    failure: (error, size) => {
      this.logger.error(`Attempt batch of ${size} failed: ${(error as Error).message}`);
      return new AppError(
        ErrorCode.ServiceUnavailable,
        HttpStatus.SERVICE_UNAVAILABLE,
        'The attempt could not be started; please try again',
      );
    },
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves with the new attempt's id, or null when the learner already has one open. */
  insert(attempt: NewAttempt): Promise<string | null> {
    return this.group.submit(attempt);
  }

  onApplicationShutdown(): Promise<void> {
    return this.group.drain();
  }

  private async write(batch: NewAttempt[]): Promise<(string | null)[]> {
    const rows = await this.dataSource.query<
      { id: string; userId: string; lessonId: string; attemptNo: number }[]
    >(
      `INSERT INTO quiz_attempts (user_id, course_id, lesson_id, version_id, attempt_no, seed, settings, questions,
                                  started_at, deadline_at)
       SELECT x.user_id, x.course_id, x.lesson_id, x.version_id, x.attempt_no, x.seed, x.settings, x.questions,
              x.started_at, x.deadline_at
         FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, course_id uuid, lesson_id uuid, version_id uuid,
              attempt_no integer, seed varchar, settings jsonb, questions jsonb, started_at timestamptz,
              deadline_at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING id, user_id AS "userId", lesson_id AS "lessonId", attempt_no AS "attemptNo"`,
      [
        JSON.stringify(
          batch.map((attempt) => ({
            user_id: attempt.userId,
            course_id: attempt.courseId,
            lesson_id: attempt.lessonId,
            version_id: attempt.versionId,
            attempt_no: attempt.attemptNo,
            seed: attempt.seed,
            settings: attempt.settings,
            questions: attempt.questions,
            started_at: attempt.startedAt,
            deadline_at: attempt.deadlineAt,
          })),
        ),
      ],
    );
    const ids = new Map(rows.map((row) => [`${row.userId}:${row.lessonId}:${row.attemptNo}`, row.id]));
    // Two starts of one learner in a batch carry the same attempt number: only the first gets the id.
    return batch.map((attempt) => {
      const key = `${attempt.userId}:${attempt.lessonId}:${attempt.attemptNo}`;
      const id = ids.get(key) ?? null;
      ids.delete(key);
      return id;
    });
  }
}

import { ATTEMPT_DEADLINE_GRACE_SECONDS, ErrorCode } from '@hocvu/contracts';
import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { GroupCommit } from '../../common/batching/group-commit';
import { AppError } from '../../common/errors/app-error';

/** One answer to store (already checked against its question). */
export interface AnswerWrite {
  attemptId: string;
  questionId: string;
  position: number;
  answer: unknown;
  timeSpentMs: number;
  /** Final once written (feedback after each question). */
  lock: boolean;
}

const MAX_BATCH = 500;
const MAX_CONCURRENT_BATCHES = 2;

/**
 * Group commit for autosaved answers. When an exam starts for thousands at once, nearly every request
 * is an answer; written one statement each, the per-statement cost (round trip, parse, plan, commit)
 * dominates. Saves arriving while a batch is written join the next one, so under load one statement
 * carries hundreds of answers, and when idle an answer is written at once. A save is acknowledged
 * only after its batch committed.
 *
 * Each answer is written only into an attempt still open and within its deadline plus the grace
 * period, and never over a locked answer. The attempts are locked FOR SHARE (in id order): a submit,
 * which locks its attempt FOR UPDATE, waits for answers in flight, and answers arriving after it see
 * the attempt finished. Resolves with the time saved, or null when nothing was written (the caller
 * finds out why).
 */
@Injectable()
export class AnswerWriter implements OnApplicationShutdown {
  private readonly logger = new Logger(AnswerWriter.name);
  private readonly group = new GroupCommit<AnswerWrite, Date | null>((batch) => this.write(batch), {
    maxBatch: MAX_BATCH,
    maxConcurrent: MAX_CONCURRENT_BATCHES,
    failure: (error, size) => {
      this.logger.error(`Answer batch of ${size} failed: ${(error as Error).message}`);
      return new AppError(
        ErrorCode.ServiceUnavailable,
        HttpStatus.SERVICE_UNAVAILABLE,
        'The answer could not be saved; it will be sent again',
      );
    },
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  save(write: AnswerWrite): Promise<Date | null> {
    return this.group.submit(write);
  }

  onApplicationShutdown(): Promise<void> {
    // Acknowledge nothing that is not written: finish the batches in flight before closing.
    return this.group.drain();
  }

  private async write(batch: AnswerWrite[]): Promise<(Date | null)[]> {
    // Several saves of one question in a batch (a learner changing their mind quickly) become one row:
    // the last answer, the time spent added up. One statement cannot update a row twice.
    const merged = new Map<string, AnswerWrite>();
    for (const write of batch) {
      const key = `${write.attemptId}:${write.questionId}`;
      const earlier = merged.get(key);
      merged.set(key, earlier ? { ...write, timeSpentMs: earlier.timeSpentMs + write.timeSpentMs } : write);
    }
    const now = new Date();
    const rows = await this.dataSource.query<{ attemptId: string; questionId: string }[]>(
      `WITH input AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS x(attempt_id uuid, question_id uuid, position smallint, answer jsonb, time_spent_ms integer, locked boolean)
         ), open AS (
           SELECT a.id FROM quiz_attempts a
            WHERE a.id IN (SELECT attempt_id FROM input) AND a.status = 'in_progress'
              AND (a.deadline_at IS NULL OR $2::timestamptz <= a.deadline_at + make_interval(secs => $3))
            ORDER BY a.id
              FOR SHARE
         )
         INSERT INTO quiz_attempt_answers (attempt_id, question_id, position, answer, answered_at, time_spent_ms, locked)
         SELECT x.attempt_id, x.question_id, x.position, x.answer, $2, x.time_spent_ms, x.locked
           FROM input x JOIN open ON open.id = x.attempt_id
         ON CONFLICT (attempt_id, question_id) DO UPDATE
            SET answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at, locked = EXCLUDED.locked,
                time_spent_ms = least(quiz_attempt_answers.time_spent_ms + EXCLUDED.time_spent_ms, 86400000)
          WHERE NOT quiz_attempt_answers.locked
         RETURNING attempt_id AS "attemptId", question_id AS "questionId"`,
      [
        JSON.stringify(
          [...merged.values()].map((write) => ({
            attempt_id: write.attemptId,
            question_id: write.questionId,
            position: write.position,
            answer: write.answer,
            time_spent_ms: write.timeSpentMs,
            locked: write.lock,
          })),
        ),
        now,
        ATTEMPT_DEADLINE_GRACE_SECONDS,
      ],
    );
    const saved = new Set(rows.map((row) => `${row.attemptId}:${row.questionId}`));
    return batch.map((write) => (saved.has(`${write.attemptId}:${write.questionId}`) ? now : null));
  }
}

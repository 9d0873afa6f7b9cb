import { JobName, JobPayloads } from '@hocvu/contracts';
import { expiredAttemptIds, finishAttempt } from '@hocvu/progress';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';

type Payload = JobPayloads[typeof JobName.CloseExpiredAttempts];

/** Rounds of `batchSize` attempts one run may take; what is left waits for the next minute's run. */
const MAX_ROUNDS_PER_RUN = 10;
const MAX_BATCH_SIZE = 1000;

export interface CloseExpiredAttemptsOutcome {
  /** Attempts this run finished (as timed out, graded from the answers saved by the deadline). */
  closed: number;
  /** Courses those attempts completed (each with its CourseCompleted event in the outbox). */
  completedCourses: number;
  /** Attempts that could not be finished (logged; tried again by the next run). */
  failed: number;
}

/**
 * Every minute: finishes the attempts still open past their deadline (plus the grace period) whose
 * learner never came back to submit, exactly as a late submit would (`finishAttempt`), so a passed
 * quiz completes its lesson — and maybe the course — without the learner returning.
 *
 * One transaction per attempt, so one bad attempt cannot hold back the others. `finishAttempt` locks
 * the attempt and does nothing to one already finished, so a learner's submit racing this job, or two
 * overlapping runs, finish an attempt once.
 */
@Injectable()
@HandlesJob(JobName.CloseExpiredAttempts)
export class CloseExpiredAttemptsHandler implements JobHandler<typeof JobName.CloseExpiredAttempts> {
  private readonly logger = new Logger(CloseExpiredAttemptsHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: Payload): Promise<CloseExpiredAttemptsOutcome> {
    const batchSize = Math.min(Math.max(1, Math.floor(payload.batchSize)), MAX_BATCH_SIZE);
    const outcome: CloseExpiredAttemptsOutcome = { closed: 0, completedCourses: 0, failed: 0 };
    const failed = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS_PER_RUN; round += 1) {
      const ids = (await expiredAttemptIds(this.dataSource, batchSize, new Date())).filter(
        (id) => !failed.has(id),
      );
      if (ids.length === 0) break; // none left, or only ones that failed in this run
      for (const id of ids) {
        try {
          const finished = await this.dataSource.transaction((manager) =>
            finishAttempt(manager, id, new Date()),
          );
          if (!finished?.finishedNow) continue; // finished meanwhile by a submit or another run
          outcome.closed += 1;
          if (finished.courseCompleted) outcome.completedCourses += 1;
        } catch (error) {
          failed.add(id);
          this.logger.error(`Attempt ${id} could not be closed: ${(error as Error).message}`);
        }
      }
    }
    outcome.failed = failed.size;
    if (outcome.closed > 0 || outcome.failed > 0) {
      this.logger.log(
        `Closed ${outcome.closed} expired quiz attempts (${outcome.completedCourses} courses completed, ${outcome.failed} failed)`,
      );
    }
    return outcome;
  }
}

import { JobName, JobPayloads } from '@hocvu/contracts';
import { SetMetadata } from '@nestjs/common';

export const JOB_HANDLER = 'hocvu:job-handler';

/** Context given to a handler: the attempt number and a way to report progress. */
export interface JobContext {
  jobId: string;
  attempt: number;
  /** Attempts the job may take in total; on the last one a handler records a final failure. */
  maxAttempts: number;
  updateProgress(percent: number): Promise<void>;
}

/**
 * A job handler handles one job name. It returns an outcome for expected cases and throws only when
 * a retry can help; effects that must happen once are guarded in the database, not by the queue.
 */
export interface JobHandler<Name extends JobName = JobName> {
  handle(payload: JobPayloads[Name], context: JobContext): Promise<unknown>;
  /**
   * Called once the queue gives up on a job for good: its last attempt failed, or it stalled too
   * often (a worker died each time) and BullMQ failed it without running the handler again. Lets
   * a handler leave its records in a final state instead of "processing" forever.
   */
  onFinalFailure?(payload: JobPayloads[Name], error: Error): Promise<void>;
}

/** Marks a provider as the handler of a job; the runner finds it through Nest's discovery. */
export function HandlesJob(name: string): ClassDecorator {
  return SetMetadata(JOB_HANDLER, name);
}

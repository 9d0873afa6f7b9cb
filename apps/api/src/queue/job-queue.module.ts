import { ErrorCode, JobName, JobPayloads, JOBS, QueueName } from '@hocvu/contracts';
import { redisOptionsFromUrl } from '@hocvu/server-kit';
import { Global, HttpStatus, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';

import { AppError } from '../common/errors/app-error';
import { ApiConfig } from '../config/api-config';

/** Enqueues jobs for the worker. Queues open lazily, so an API that never enqueues opens none. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: ApiConfig) {}

  /**
   * Adds a job under a deterministic id: adding the same id again (a retried request) is a no-op
   * while the first is waiting, running or kept as completed.
   */
  async add<Name extends JobName>(
    name: Name,
    payload: JobPayloads[Name],
    jobId: string,
    options: JobsOptions = {},
  ) {
    try {
      await this.queue(JOBS[name].queue).add(name, payload, {
        jobId,
        removeOnComplete: 1000,
        removeOnFail: 5000,
        ...options,
      });
    } catch {
      throw new AppError(
        ErrorCode.ServiceUnavailable,
        HttpStatus.SERVICE_UNAVAILABLE,
        'The job queue is unavailable; try again in a moment (repeating the same request is safe)',
      );
    }
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        // Fail fast when Redis is down (the caller answers 503, the client retries) instead of
        // holding the request until Redis returns, as a worker's connection would.
        connection: {
          ...redisOptionsFromUrl(this.config.REDIS_URL),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        },
        prefix: this.config.REDIS_PREFIX,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}

@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobQueueModule {}

import { JOB_TIMEZONE, JobDefinition, QueueName } from '@hocvu/contracts';
import { redisOptionsFromUrl } from '@hocvu/server-kit';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Queue, Worker, WorkerOptions } from 'bullmq';

import { WorkerConfig } from '../config/worker-config';
import { JOB_HANDLER, JobHandler } from './job-handler';

/** The job table the runner serves; production uses JOBS from the contracts, tests may pass their own. */
export const JOB_TABLE = Symbol('JOB_TABLE');
export type JobTable = Readonly<Record<string, JobDefinition>>;
/** BullMQ worker tuning; tests shorten the lock so crash recovery is observable in seconds. */
export const WORKER_TUNING = Symbol('WORKER_TUNING');
export type WorkerTuning = Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;

export class MissingJobHandlerError extends Error {}

/**
 * Runs one BullMQ worker per queue and dispatches jobs by name to their handlers. Refuses to start
 * unless every job in the table has exactly one handler, and on shutdown lets running jobs finish
 * (within the grace period) before closing; jobs still running after that are handed back to the
 * queue by BullMQ's stalled-job check and run again by the next worker.
 */
@Injectable()
export class QueueRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueRunner.name);
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private handlers = new Map<string, JobHandler>();
  /** Jobs running in this process, so shutdown can wait for them (BullMQ keeps its own list private). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: WorkerConfig,
    @Inject(JOB_TABLE) private readonly jobs: JobTable,
    @Inject(WORKER_TUNING) private readonly tuning: WorkerTuning,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = this.collectHandlers();
    const connection = redisOptionsFromUrl(this.config.REDIS_URL, true);
    const queueNames = [...new Set(Object.values(this.jobs).map((job) => job.queue))];
    for (const queueName of queueNames) {
      const worker = new Worker(queueName, (job) => this.dispatch(job), {
        connection,
        prefix: this.config.REDIS_PREFIX,
        concurrency:
          queueName === QueueName.Media ? this.config.TRANSCODE_CONCURRENCY : this.config.WORKER_CONCURRENCY,
        autorun: false,
        ...this.tuning,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(
          `${queueName}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
        );
        if (job) void this.finalFailure(job, error);
      });
      worker.on('error', (error) => this.logger.error(`${queueName} worker error: ${error.message}`));
      this.workers.push(worker);
      const queue = new Queue(queueName, { connection, prefix: this.config.REDIS_PREFIX });
      this.queues.push(queue);
      await this.scheduleRepeatableJobs(queue, queueName);
    }
    for (const worker of this.workers) void worker.run();
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.logger.log(`Serving queues: ${queueNames.join(', ')} (${this.handlers.size} job handlers)`);
  }

  async onApplicationShutdown(): Promise<void> {
    const graceMs = this.config.WORKER_SHUTDOWN_GRACE_SECONDS * 1000;
    await Promise.all(
      this.workers.map(async (worker) => {
        // Stop taking new jobs, give running ones the grace period, then close. BullMQ's close()
        // cannot be upgraded to a forced close once started, hence the explicit wait first.
        await worker.pause(true);
        const finished = await Promise.race([
          Promise.allSettled([...this.inFlight]).then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
        ]);
        if (!finished) {
          this.logger.warn(
            `${worker.name}: jobs still running after ${graceMs} ms; they return to the queue when their lock lapses`,
          );
        }
        await worker.close(!finished);
      }),
    );
    await Promise.all(this.queues.map((queue) => queue.close()));
  }

  private collectHandlers(): Map<string, JobHandler> {
    const found = new Map<string, JobHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const metatype = wrapper.metatype as unknown;
      if (!wrapper.instance || typeof metatype !== 'function') continue;
      const name = Reflect.getMetadata(JOB_HANDLER, metatype) as string | undefined;
      if (name) found.set(name, [...(found.get(name) ?? []), wrapper.instance as JobHandler]);
    }
    const problems: string[] = [];
    for (const name of Object.keys(this.jobs)) {
      const count = found.get(name)?.length ?? 0;
      if (count !== 1) problems.push(`${name} has ${count} handlers (needs exactly 1)`);
    }
    for (const name of found.keys()) {
      if (!(name in this.jobs)) problems.push(`${name} has a handler but is not in the job registry`);
    }
    if (problems.length > 0)
      throw new MissingJobHandlerError(`Job registry problems:\n  - ${problems.join('\n  - ')}`);
    return new Map([...found].map(([name, handlers]) => [name, handlers[0]]));
  }

  private async scheduleRepeatableJobs(queue: Queue, queueName: string): Promise<void> {
    for (const [name, definition] of Object.entries(this.jobs)) {
      if (definition.queue !== queueName || !definition.repeat) continue;
      // Upsert by a stable id: restarts and several workers keep exactly one schedule per job.
      await queue.upsertJobScheduler(
        `schedule:${name}`,
        { pattern: definition.repeat.pattern, tz: JOB_TIMEZONE },
        { name, data: definition.repeat.payload, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      );
      if (definition.repeat.atStart) {
        // One id while it waits: workers starting together add one run, not one each.
        await queue.add(name, definition.repeat.payload, {
          jobId: `at-start-${name}`,
          removeOnComplete: true,
          removeOnFail: 100,
        });
      }
    }
  }

  /** A job whose state is still "failed" after the event is not going to be retried. */
  private async finalFailure(job: Job, error: Error): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler?.onFinalFailure) return;
    try {
      if ((await job.getState()) !== 'failed') return;
      await handler.onFinalFailure(job.data as never, error);
    } catch (failure) {
      this.logger.error(
        `${job.name} ${job.id}: recording the final failure failed: ${(failure as Error).message}`,
      );
    }
  }

  private async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    // Unreachable after the start-up check unless an older/newer API enqueues an unknown job.
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const running = handler.handle(job.data as never, {
      jobId: job.id ?? '',
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
      updateProgress: (percent) => job.updateProgress(percent),
    });
    this.inFlight.add(running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(running);
    }
  }
}

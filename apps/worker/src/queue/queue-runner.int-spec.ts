import { Injectable } from '@nestjs/common';

import { producer, startTestWorker, testWorkerConfig } from '../../test/test-worker';
import { HandlesJob, JobHandler } from './job-handler';

const SLOW_QUEUE = 'test-slow';

/** A job that takes a while, to observe what happens to in-flight work on shutdown. */
@Injectable()
@HandlesJob('SlowJob')
class SlowJobHandler implements JobHandler {
  static finished: string[] = [];
  static freezeNext = false;

  async handle(payload: never): Promise<{ ok: true }> {
    const { id, ms } = payload as { id: string; ms: number };
    if (SlowJobHandler.freezeNext) {
      SlowJobHandler.freezeNext = false;
      await new Promise(() => undefined); // never settles: this run is "dead"
    }
    await new Promise((resolve) => setTimeout(resolve, ms));
    SlowJobHandler.finished.push(id);
    return { ok: true };
  }
}

@Injectable()
@HandlesJob('SlowJob')
class DuplicateSlowJobHandler extends SlowJobHandler {}

/** Fails every time; records when the queue gives up on it. */
@Injectable()
@HandlesJob('DoomedJob')
class DoomedJobHandler implements JobHandler {
  static finalFailures: string[] = [];

  handle(): Promise<never> {
    return Promise.reject(new Error('always fails'));
  }

  onFinalFailure(payload: never, error: Error): Promise<void> {
    DoomedJobHandler.finalFailures.push(`${(payload as { id: string }).id}: ${error.message}`);
    return Promise.resolve();
  }
}

const SLOW_JOBS = { SlowJob: { queue: SLOW_QUEUE as never } };

describe('queue runner (integration, real Redis)', () => {
  beforeEach(() => {
    SlowJobHandler.finished = [];
  });

  it('refuses to start when a registered job has no handler, naming the job', async () => {
    const config = testWorkerConfig();
    await expect(startTestWorker(config, { handlers: [], jobs: SLOW_JOBS })).rejects.toThrow(
      /SlowJob has 0 handlers \(needs exactly 1\)/,
    );
  });

  it('refuses to start when a job has two handlers', async () => {
    await expect(
      startTestWorker(testWorkerConfig(), {
        handlers: [SlowJobHandler, DuplicateSlowJobHandler],
        jobs: SLOW_JOBS,
      }),
    ).rejects.toThrow(/SlowJob has 2 handlers/);
  });

  it('refuses to start when the production registry lacks a handler', async () => {
    await expect(startTestWorker(testWorkerConfig(), { handlers: [] })).rejects.toThrow(
      /PurgeExpiredSessions has 0 handlers/,
    );
  });

  it('tells the handler once the queue gives up on a job, not on the attempts that will be retried', async () => {
    const config = testWorkerConfig({ REDIS_PREFIX: `${testWorkerConfig().REDIS_PREFIX}-doomed` });
    const jobs = { DoomedJob: { queue: 'test-doomed' as never } };
    const worker = await startTestWorker(config, { handlers: [DoomedJobHandler], jobs });
    const { queue, close } = producer(config, 'test-doomed');
    try {
      await queue.add(
        'DoomedJob',
        { id: 'd1' },
        { jobId: 'doomed-1', attempts: 3, backoff: { type: 'fixed', delay: 50 } },
      );
      await waitFor(() => Promise.resolve(DoomedJobHandler.finalFailures.length > 0), 15_000);
      expect(await queue.getJobState('doomed-1')).toBe('failed');
      expect((await queue.getJob('doomed-1'))?.attemptsMade).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(DoomedJobHandler.finalFailures).toEqual(['d1: always fails']);
    } finally {
      await close();
      await worker.close();
    }
  });

  it('finishes in-flight jobs on graceful shutdown instead of dropping them', async () => {
    const config = testWorkerConfig();
    const worker = await startTestWorker(config, { handlers: [SlowJobHandler], jobs: SLOW_JOBS });
    const { queue, close } = producer(config, SLOW_QUEUE);
    try {
      await queue.add('SlowJob', { id: 'a', ms: 800 }, { jobId: 'slow-a' });
      await waitFor(async () => (await queue.getJobState('slow-a')) === 'active');
      await worker.close(); // what SIGTERM triggers
      expect(SlowJobHandler.finished).toEqual(['a']);
      expect(await queue.getJobState('slow-a')).toBe('completed');
    } finally {
      await close();
    }
  });

  it('recovers the job of a worker that died mid-job: another worker completes it exactly once', async () => {
    // A prefix of its own: no queue state left over from the other tests.
    const config = testWorkerConfig({
      WORKER_SHUTDOWN_GRACE_SECONDS: '1',
      REDIS_PREFIX: `${testWorkerConfig().REDIS_PREFIX}-crash`,
    });
    const tuning = { lockDuration: 1500, stalledInterval: 500, maxStalledCount: 2 };
    const first = await startTestWorker(config, { handlers: [SlowJobHandler], jobs: SLOW_JOBS, tuning });
    const { queue, events, close } = producer(config, SLOW_QUEUE);
    try {
      SlowJobHandler.freezeNext = true; // the first run hangs like a killed process: no progress, no lock renewal
      const job = await queue.add('SlowJob', { id: 'b', ms: 10 }, { jobId: 'slow-b', attempts: 3 });
      await waitFor(async () => (await queue.getJobState('slow-b')) === 'active');
      const closing = Date.now();
      await first.close();
      expect(Date.now() - closing).toBeLessThan(4000); // gave up after the grace period, did not hang
      expect(await queue.getJobState('slow-b')).toBe('active');
      const second = await startTestWorker(config, { handlers: [SlowJobHandler], jobs: SLOW_JOBS, tuning });
      try {
        await job.waitUntilFinished(events, 30_000);
        expect(SlowJobHandler.finished).toEqual(['b']);
        expect(await queue.getJobState('slow-b')).toBe('completed');
      } finally {
        await second.close();
      }
    } finally {
      await close();
    }
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { JobDefinition } from '@hocvu/contracts';
import { loadConfig } from '@hocvu/server-kit';
import {
  importTestResources,
  TEST_CERTIFICATE_SIGNING_KEY,
  testEncryptionKeys,
} from '@hocvu/server-kit/testing';
import { INestApplicationContext, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';

import { WorkerConfig } from '../src/config/worker-config';
import { OutboxRelayHooks } from '../src/jobs/outbox/outbox-relay.service';
import { WorkerTuning } from '../src/queue/queue-runner.service';
import { WorkerModule } from '../src/worker.module';

export function testWorkerConfig(env: Record<string, string> = {}): WorkerConfig {
  const resources = importTestResources();
  return loadConfig(WorkerConfig, {
    NODE_ENV: 'test',
    DATABASE_URL: resources.databaseUrl,
    REDIS_URL: resources.redisUrl,
    REDIS_PREFIX: resources.redisPrefix,
    LOG_LEVEL: 'silent',
    // The same keys as the run's API (test-app.ts): the worker decrypts what the API encrypted.
    DATA_ENCRYPTION_KEYS: testEncryptionKeys(resources.databaseName),
    DATA_ENCRYPTION_ACTIVE_KEY_ID: 'test',
    DATA_LOOKUP_KEY_ID: 'test',
    CERTIFICATE_SIGNING_KEY: TEST_CERTIFICATE_SIGNING_KEY,
    ...env,
  });
}

/** Boots the real worker (BullMQ on real Redis, PostgreSQL) with optional test handlers and jobs. */
export async function startTestWorker(
  config: WorkerConfig,
  options: {
    handlers?: Provider[];
    jobs?: Record<string, JobDefinition>;
    tuning?: WorkerTuning;
    outboxRelayHooks?: OutboxRelayHooks;
  } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config, options), {
    logger: false,
  });
  await app.init();
  return app;
}

/** A producer-side queue handle plus its events, as the API would hold them. */
export function producer(
  config: WorkerConfig,
  queueName: string,
): { queue: Queue; events: QueueEvents; close(): Promise<void> } {
  const connection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
  const queue = new Queue(queueName, { connection, prefix: config.REDIS_PREFIX });
  const events = new QueueEvents(queueName, { connection, prefix: config.REDIS_PREFIX });
  return { queue, events, close: async () => void (await Promise.all([queue.close(), events.close()])) };
}

/** Polls `condition` until it holds (instead of sleeping a guessed time); fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { JobDefinition } from '@hocvu/contracts';
import { loadConfig } from '@hocvu/server-kit';
import { importTestResources } from '@hocvu/server-kit/testing';
import { INestApplicationContext, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';

import { WorkerConfig } from '../src/config/worker-config';
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
    ...env,
  });
}

/** Boots the real worker (BullMQ on real Redis, PostgreSQL) with optional test handlers and jobs. */
export async function startTestWorker(
  config: WorkerConfig,
  options: { handlers?: Provider[]; jobs?: Record<string, JobDefinition>; tuning?: WorkerTuning } = {},
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

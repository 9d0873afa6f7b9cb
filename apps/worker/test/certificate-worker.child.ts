import 'reflect-metadata';

import { loadConfig } from '@hocvu/server-kit';
import { NestFactory } from '@nestjs/core';
import { writeSync } from 'node:fs';

import { WorkerConfig } from '../src/config/worker-config';
import { WorkerModule } from '../src/worker.module';
import { testJobTable } from './certificate-fixtures';

/**
 * A real worker process (configured by its environment, every production handler) for the crash tests
 * of certificate issuance and the attestation push: the test kills it with SIGKILL at a moment it picks
 * by watching the database. TEST_PUSH_EVERY_SECOND=1 schedules PushAttestations every second;
 * TEST_LOCK_MS shortens BullMQ's job lock. Prints "ready" once it serves its queues. Run through
 * packages/tooling/src/register-ts.cjs.
 */
async function main(): Promise<void> {
  const config = loadConfig(WorkerConfig, process.env);
  const lockMs = Number(process.env['TEST_LOCK_MS'] ?? 30_000);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forConfig(config, {
      jobs: testJobTable({ pushEverySecond: process.env['TEST_PUSH_EVERY_SECOND'] === '1' }),
      tuning: { lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 5 },
    }),
    { logger: false },
  );
  await app.init();
  writeSync(1, 'ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

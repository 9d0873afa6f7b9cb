import 'reflect-metadata';

import { loadConfig } from '@hocvu/server-kit';
import { NestFactory } from '@nestjs/core';
import { writeSync } from 'node:fs';

import { WorkerConfig } from '../src/config/worker-config';
import { WorkerModule } from '../src/worker.module';

/**
 * A real worker process (configured by its environment) whose outbox relay dies by SIGKILL right after
 * its first batch of jobs reached Redis and before the batch committed: the worst moment for a relay
 * to crash. Prints the ids of that batch first, for the test to check. Run by outbox-relay.int-spec.ts
 * through packages/tooling/src/register-ts.cjs.
 */
async function main(): Promise<void> {
  const config = loadConfig(WorkerConfig, process.env);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forConfig(config, {
      handlers: [],
      jobs: {},
      outboxRelayHooks: {
        afterQueued: (eventIds) => {
          writeSync(1, `${JSON.stringify({ queued: eventIds })}\n`);
          process.kill(process.pid, 'SIGKILL');
          return new Promise<void>(() => undefined); // never reached: the process is gone
        },
      },
    }),
    { logger: false },
  );
  await app.init();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';

import { ConfigError, loadConfig } from '@hocvu/server-kit';
import { NestFactory } from '@nestjs/core';
import { config as loadDotEnv } from 'dotenv';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';

import { WorkerConfig } from './config/worker-config';
import { MissingJobHandlerError } from './queue/queue-runner.service';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  if (existsSync('.env')) loadDotEnv({ path: '.env', quiet: true });
  const config = loadConfig(WorkerConfig, process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT → onApplicationShutdown: running jobs finish, then connections close.
  app.enableShutdownHooks();
  await app.init();
  console.log('Hocvu worker ready');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MissingJobHandlerError) console.error(error.message);
  else console.error('Hocvu worker failed to start:', error);
  process.exit(1);
});

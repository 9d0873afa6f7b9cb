import {
  importTestResources,
  TEST_CERTIFICATE_SIGNING_KEY,
  testEncryptionKeys,
} from '@hocvu/server-kit/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { ApiConfig } from '../src/config/api-config';
import { ApiConfigModule } from '../src/config/config.module';
import { createApp } from '../src/create-app';

export interface TestApp {
  app: NestFastifyApplication;
  config: ApiConfig;
  db: DataSource;
  close(): Promise<void>;
}

/** The real API (Fastify, guards, pipes, PostgreSQL, Redis) on this run's test database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const resources = importTestResources();
  // Each app gets its own storage and upload folders, removed on close.
  const files = mkdtempSync(join(tmpdir(), 'hocvu-api-test-'));
  const config = ApiConfigModule.load({
    NODE_ENV: 'test',
    DATABASE_URL: resources.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: resources.redisUrl,
    REDIS_PREFIX: resources.redisPrefix,
    JWT_ACCESS_SECRET: 'test-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEYS: testEncryptionKeys(resources.databaseName),
    DATA_ENCRYPTION_ACTIVE_KEY_ID: 'test',
    DATA_LOOKUP_KEY_ID: 'test',
    LOG_LEVEL: 'silent',
    CERTIFICATE_SIGNING_KEY: TEST_CERTIFICATE_SIGNING_KEY,
    // Every spec file signs its users in from 127.0.0.1 against one Redis: the per-IP limit would trip
    // on the run, not on a test. The spec that tests the limit sets its own.
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    STORAGE_PATH: join(files, 'storage'),
    UPLOAD_PATH: join(files, 'uploads'),
    ...env,
  });
  const app = await createApp(config, { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    db: app.get(DataSource),
    close: async () => {
      await app.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}

/** A phone number no other test uses (09 + 8 random digits). */
export function uniquePhone(): string {
  return `09${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

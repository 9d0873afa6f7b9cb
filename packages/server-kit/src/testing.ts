import { createHash, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';

/**
 * Test harness shared by the API's and the worker's integration specs: one throw-away PostgreSQL
 * database and one Redis key prefix per test run, so parallel runs never collide.
 */
export interface TestResources {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  redisPrefix: string;
}

export function adminDatabaseUrl(): string {
  return process.env['HOCVU_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testRedisUrl(): string {
  return process.env['HOCVU_TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

export async function createTestResources(
  label: string,
  migrations: (new () => MigrationInterface)[],
): Promise<TestResources> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `hocvu_test_${label}_${suffix}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${adminDatabaseUrl()} (set HOCVU_TEST_PG_URL): ${(error as Error).message}`,
    );
  }
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return {
    databaseUrl,
    databaseName,
    redisUrl: testRedisUrl(),
    redisPrefix: `hocvu-test-${label}-${suffix}`,
  };
}

export async function dropTestResources(resources: TestResources): Promise<void> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${resources.databaseName} WITH (FORCE)`);
  await admin.end();
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(resources.redisUrl, { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${resources.redisPrefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Exposes the resources to Jest workers through environment variables. */
export function exportTestResources(resources: TestResources): void {
  process.env['HOCVU_TEST_RESOURCES'] = JSON.stringify(resources);
}

export function importTestResources(): TestResources {
  const raw = process.env['HOCVU_TEST_RESOURCES'];
  if (!raw) throw new Error('Integration specs must run through Jest with the project globalSetup');
  return JSON.parse(raw) as TestResources;
}

/** Random test keys in the valid format: a deterministic-looking but fresh 32-byte AES key. */
export function testEncryptionKeys(seed?: string): string {
  // With a seed (the run's database name), the API and the worker of one test run share the key.
  const key = seed === undefined ? randomBytes(32) : createHash('sha256').update(seed).digest();
  return `test:${key.toString('base64')}`;
}

/** A PNG of one colour (truecolour, 8 bits per channel), made in memory rather than kept as a fixture. */
export function solidPng(
  width: number,
  height: number,
  [red, green, blue]: [number, number, number] = [42, 42, 42],
): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, no interlace
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then the pixels
  for (let x = 0; x < width; x += 1) row.set([red, green, blue], 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The certificate issuer key of every test run: a throw-away Ed25519 Multikey for the default
 * PUBLIC_URL (http://127.0.0.1:8080 → did:web:127.0.0.1%3A8080). Published here on purpose; it signs
 * nothing outside tests.
 */
export const TEST_CERTIFICATE_SIGNING_KEY = JSON.stringify({
  id: 'did:web:127.0.0.1%3A8080#z6MkpbM1zaru6nANAoQLDsKDgsUmgBAbSqgE244SW7Wcddzc',
  type: 'Multikey',
  controller: 'did:web:127.0.0.1%3A8080',
  publicKeyMultibase: 'z6MkpbM1zaru6nANAoQLDsKDgsUmgBAbSqgE244SW7Wcddzc',
  secretKeyMultibase:
    'zrv41oeZzZpvdaZCVZqP2DiFqdbKh6jdUzKyF6BejqNLzUP5BB3y8DSDwt9qkatYsmKo2pcC8b7pBrQup44fTtjWF3S',
});

import { IsBoolean, IsIn, IsString, Matches } from 'class-validator';

import { EnvVar } from './env-config';

/** Variables every server process (API, worker) reads, declared once; each app's config extends it. */
export class ServerConfig {
  @EnvVar({ description: 'development | production | test' })
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @EnvVar({ description: 'PostgreSQL connection URL' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hocvu';

  @EnvVar({ description: 'Redis connection URL (rate limits, queues, caches)' })
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @EnvVar({ description: 'Prefix of every Redis key and BullMQ queue, so installations can share a Redis' })
  @Matches(/^[a-z0-9_-]+$/i, { message: 'letters, digits, - and _ only' })
  REDIS_PREFIX = 'hocvu';

  @EnvVar({ description: 'pino log level: fatal | error | warn | info | debug | trace | silent' })
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @EnvVar({ description: 'Human-readable single-line logs instead of JSON (development)' })
  @IsBoolean()
  LOG_PRETTY = false;

  @EnvVar({
    description: 'Where videos, posters and captions are kept: local (a folder) | s3 (S3-compatible)',
  })
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @EnvVar({ description: 'Folder of the local storage driver (API and worker must see the same folder)' })
  @IsString()
  STORAGE_PATH = 'var/storage';

  @EnvVar({ description: 'S3 bucket (STORAGE_DRIVER=s3)' })
  @IsString()
  S3_BUCKET = '';

  @EnvVar({ description: 'S3 region' })
  @IsString()
  S3_REGION = 'us-east-1';

  @EnvVar({ description: 'S3 endpoint URL for S3-compatible services (MinIO, Ceph…); empty for AWS' })
  @IsString()
  S3_ENDPOINT = '';

  @EnvVar({ description: 'Path-style S3 URLs (needed by MinIO and most S3-compatible services)' })
  @IsBoolean()
  S3_FORCE_PATH_STYLE = true;

  @EnvVar({
    description: 'S3 access key id; empty to use the instance role or AWS_* variables',
    sensitive: true,
  })
  @IsString()
  S3_ACCESS_KEY_ID = '';

  @EnvVar({ description: 'S3 secret access key', sensitive: true })
  @IsString()
  S3_SECRET_ACCESS_KEY = '';

  @EnvVar({ description: 'Key prefix inside the bucket (several installations can share one bucket)' })
  @IsString()
  S3_PREFIX = '';
}

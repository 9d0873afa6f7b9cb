import { IsBoolean, IsIn, IsString, Matches, MinLength } from 'class-validator';

import { EnvVar } from './env-config';

/** Variables every server process (API, worker) reads, declared once; each app's config extends it. */
export class ServerConfig {
  @EnvVar({ description: 'development | production | test' })
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @EnvVar({ description: 'PostgreSQL connection URL' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hocvu';

  @EnvVar({ description: 'Public origin learners use (links in certificates, cookies)' })
  @Matches(/^https?:\/\/[^/]+$/, { message: 'must be an origin such as https://hocvu.dienbien.gov.vn' })
  PUBLIC_URL = 'http://127.0.0.1:8080';

  @EnvVar({
    description: 'Keys encrypting personal data at rest, as kid:base64(32 bytes) pairs separated by commas',
    sensitive: true,
    example: '',
  })
  @Matches(/^([A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'must be kid:base64key pairs; generate a key with `openssl rand -base64 32`',
  })
  DATA_ENCRYPTION_KEYS = '';

  @EnvVar({ description: 'Key id (from DATA_ENCRYPTION_KEYS) used to encrypt new values' })
  @IsString()
  @MinLength(1)
  DATA_ENCRYPTION_ACTIVE_KEY_ID = 'k1';

  @EnvVar({
    description:
      'Key id (from DATA_ENCRYPTION_KEYS) the citizen-id look-up hash derives from; keep it listed for good',
  })
  @IsString()
  @MinLength(1)
  DATA_LOOKUP_KEY_ID = 'k1';

  @EnvVar({
    description:
      'Issuer key signing certificates, a serialised Ed25519 Multikey (JSON) whose controller is the did:web of PUBLIC_URL; npm start makes one, `node apps/api/dist/apps/api/src/cli.js issuer-key` prints a new one',
    sensitive: true,
    example: '',
  })
  @IsString()
  CERTIFICATE_SIGNING_KEY = '';

  @EnvVar({
    description:
      'Public halves of earlier issuer keys (JSON array) still listed in the DID document, so certificates they signed keep verifying',
  })
  @IsString()
  CERTIFICATE_RETIRED_KEYS = '';

  @EnvVar({ description: 'Issuing body named on certificates and in their credentials' })
  @IsString()
  @MinLength(3)
  CERTIFICATE_ISSUER_NAME = 'Sở Khoa học và Công nghệ tỉnh Điện Biên';

  @EnvVar({ description: 'Place printed before the date on certificates ("Điện Biên, ngày …")' })
  @IsString()
  @MinLength(1)
  CERTIFICATE_PLACE = 'Điện Biên';

  @EnvVar({ description: 'Prefix of certificate serials: <prefix>-<year>-<number>, e.g. DB-2026-000123' })
  @Matches(/^[A-Z]{1,8}$/, { message: 'one to eight capital letters, e.g. DB' })
  CERTIFICATE_SERIAL_PREFIX = 'DB';

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

import { IsBoolean, IsIn, Matches } from 'class-validator';

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
}

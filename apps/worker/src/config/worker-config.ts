import { EnvVar } from '@hocvu/server-kit';
import { IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';

/** Every environment variable the worker reads, validated at start-up. */
export class WorkerConfig {
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

  @EnvVar({ description: 'Jobs one worker process runs at once per queue' })
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 2;

  @EnvVar({
    description: 'Seconds the worker waits for running jobs on SIGTERM before handing them back to the queue',
  })
  @IsInt()
  @Min(1)
  @Max(3600)
  WORKER_SHUTDOWN_GRACE_SECONDS = 30;

  @EnvVar({ description: 'pino log level: fatal | error | warn | info | debug | trace | silent' })
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @EnvVar({ description: 'Human-readable single-line logs instead of JSON (development)' })
  @IsBoolean()
  LOG_PRETTY = false;
}

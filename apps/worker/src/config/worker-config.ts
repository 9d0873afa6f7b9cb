import { EnvVar, ServerConfig } from '@hocvu/server-kit';
import { IsInt, Max, Min } from 'class-validator';

/** Every environment variable the worker reads, validated at start-up. */
export class WorkerConfig extends ServerConfig {
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
}

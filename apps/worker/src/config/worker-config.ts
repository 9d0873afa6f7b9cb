import { EnvVar, ServerConfig } from '@hocvu/server-kit';
import { IsInt, IsString, Max, Min } from 'class-validator';

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

  @EnvVar({ description: 'Videos one worker process transcodes at once (ffmpeg already uses every core)' })
  @IsInt()
  @Min(1)
  @Max(16)
  TRANSCODE_CONCURRENCY = 1;

  @EnvVar({
    description:
      'Scratch folder for transcodes; empty = <STORAGE_PATH>/.work (same disk as storage, so publishing is a rename)',
  })
  @IsString()
  TRANSCODE_WORK_PATH = '';

  @EnvVar({ description: 'ffmpeg executable (Debian: apt-get install ffmpeg)' })
  @IsString()
  FFMPEG_PATH = 'ffmpeg';

  @EnvVar({ description: 'ffprobe executable (comes with ffmpeg)' })
  @IsString()
  FFPROBE_PATH = 'ffprobe';

  @EnvVar({
    description:
      'Milliseconds between outbox polls; events are normally relayed at once on NOTIFY, the poll is the fallback',
  })
  @IsInt()
  @Min(50)
  @Max(300_000)
  OUTBOX_POLL_MS = 2000;

  @EnvVar({ description: 'Outbox events relayed to the queue per transaction' })
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE = 200;
}

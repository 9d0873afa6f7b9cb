import { EnvVar, ServerConfig } from '@hocvu/server-kit';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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

  @EnvVar({
    description:
      'Base URL of the VNeID attestation API (npm start runs the simulator there); empty turns attestations off (rows wait as pending)',
  })
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'must be an http(s) URL or empty' })
  VNEID_ATTESTATION_URL = 'http://127.0.0.1:3400';

  @EnvVar({
    description:
      "Hocvu's private Ed25519 JWK signing completion records for VNeID (npm start makes one; register its public half with VNeID)",
    sensitive: true,
    example: '',
  })
  @IsString()
  VNEID_ATTESTATION_SIGNING_KEY = '';

  @EnvVar({
    description: 'Extra header sent to the attestation API, as Name: value (e.g. an API key); empty for none',
    sensitive: true,
  })
  @IsString()
  VNEID_ATTESTATION_HEADER = '';

  @EnvVar({ description: 'Milliseconds before an attestation call counts as timed out (and is retried)' })
  @IsInt()
  @Min(100)
  @Max(120_000)
  VNEID_ATTESTATION_TIMEOUT_MS = 10_000;

  @EnvVar({ description: 'Attestation calls one worker process keeps in flight' })
  @IsInt()
  @Min(1)
  @Max(256)
  ATTESTATION_CONCURRENCY = 16;

  @EnvVar({ description: 'Tries per attestation before it becomes a dead letter for admins to retry' })
  @IsInt()
  @Min(1)
  @Max(100)
  ATTESTATION_MAX_ATTEMPTS = 10;

  @EnvVar({ description: 'First retry delay of an attestation in ms; doubles per try (with jitter)' })
  @IsInt()
  @Min(10)
  ATTESTATION_BACKOFF_BASE_MS = 5_000;

  @EnvVar({ description: 'Longest delay between two tries of an attestation in ms' })
  @IsInt()
  @Min(10)
  ATTESTATION_BACKOFF_MAX_MS = 30 * 60_000;

  @EnvVar({
    description: 'Consecutive failed calls that open the circuit breaker (calls stop for the cool-down)',
  })
  @IsInt()
  @Min(1)
  ATTESTATION_BREAKER_THRESHOLD = 10;

  @EnvVar({ description: 'Milliseconds the breaker stays open before one probe call tests VNeID again' })
  @IsInt()
  @Min(10)
  ATTESTATION_BREAKER_COOLDOWN_MS = 30_000;

  @EnvVar({
    description: "Seconds a worker holds leased attestations; a killed worker's rows are due again after it",
  })
  @IsInt()
  @Min(5)
  @Max(3600)
  ATTESTATION_LEASE_SECONDS = 120;
}

import {
  JobName,
  JobPayloads,
  VIDEO_MAX_DURATION_SECONDS,
  VIDEO_MAX_HEIGHT,
  VIDEO_MAX_WIDTH,
  VideoStatus,
} from '@hocvu/contracts';
import {
  AUDIO_ONLY_RUNG,
  DEFAULT_LADDER,
  ffprobeArgs,
  hlsLadderArgs,
  interpretProbe,
  parseProgress,
  posterArgs,
  ProbeResult,
  selectRungs,
} from '@hocvu/media';
import { LocalStorage, mediaContentType, ObjectStorage } from '@hocvu/server-kit';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';

import { WorkerConfig } from '../../config/worker-config';
import { HandlesJob, JobContext, JobHandler } from '../../queue/job-handler';
import { ProcessFailedError, runMediaTool, stopMediaProcesses } from './ffmpeg';
import { OBJECT_STORAGE } from './storage.provider';

type Payload = JobPayloads[typeof JobName.TranscodeVideo];

interface AssetRow {
  id: string;
  status: VideoStatus;
  sourceKey: string;
  generation: number;
  publishedGeneration: number | null;
}

/**
 * Probes an uploaded video and transcodes it to the HLS ladder (keyframe-aligned segments, one
 * rung per height up to the source's, plus audio-only), with a poster. Nothing is visible until
 * the end: ffmpeg writes into a private work folder, the result is published under a new
 * generation prefix, and only then does one UPDATE make that generation the one learners get.
 * A killed worker leaves at most an unreferenced work folder; the retried job starts clean.
 */
@Injectable()
@HandlesJob(JobName.TranscodeVideo)
export class TranscodeVideoHandler
  implements JobHandler<typeof JobName.TranscodeVideo>, OnApplicationShutdown
{
  private readonly logger = new Logger(TranscodeVideoHandler.name);
  private readonly workRoot: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly config: WorkerConfig,
  ) {
    this.workRoot = resolve(
      config.TRANSCODE_WORK_PATH ||
        (storage instanceof LocalStorage
          ? join(config.STORAGE_PATH, '.work')
          : join(process.cwd(), 'var', 'work')),
    );
  }

  async handle({ assetId, generation }: Payload, context: JobContext): Promise<unknown> {
    const [asset] = await this.dataSource.query<AssetRow[]>(
      `SELECT id, status, source_key AS "sourceKey", generation, published_generation AS "publishedGeneration"
         FROM video_assets WHERE id = $1`,
      [assetId],
    );
    if (!asset) return { skipped: 'asset deleted' };
    if (asset.generation !== generation) return { skipped: `superseded by generation ${asset.generation}` };
    if (asset.publishedGeneration === generation) return { skipped: 'already published' };
    if (asset.status === VideoStatus.Failed) return { skipped: 'rejected for good' };

    await this.setStatus(assetId, generation, { status: VideoStatus.Processing, progress: 0 });
    await this.removeStaleWork(assetId, generation);
    const work = join(this.workRoot, `${assetId}-g${generation}-${randomUUID()}`);
    const output = join(work, 'out');
    await mkdir(output, { recursive: true });
    try {
      const source = await this.localSource(asset.sourceKey, work);
      const probed = interpretProbe(await this.probe(source), {
        maxDurationSeconds: VIDEO_MAX_DURATION_SECONDS,
        maxWidth: VIDEO_MAX_WIDTH,
        maxHeight: VIDEO_MAX_HEIGHT,
      });
      if (!probed.ok) {
        await this.fail(assetId, generation, probed.code, probed.message);
        return { rejected: probed.code };
      }
      const probe = probed.probe;
      await this.transcode(probe, source, output, assetId, generation, context);
      await runMediaTool(this.config.FFMPEG_PATH, posterArgs(probe, source, join(output, 'poster.jpg')));
      await this.storage.uploadDirectory(output, `videos/${assetId}/g${generation}`, mediaContentType);
      const rungs = [
        ...selectRungs(DEFAULT_LADDER, probe).map((rung) => ({ name: rung.name, height: rung.height })),
        ...(probe.hasAudio ? [{ name: AUDIO_ONLY_RUNG, height: null }] : []),
      ];
      // The publication point: from this commit on, learners get this generation.
      // TypeORM answers an UPDATE with [rows, affected count].
      const [published] = await this.dataSource.query<[unknown[], number]>(
        `UPDATE video_assets
            SET status = 'ready', published_generation = $2, progress_percent = 100, error_code = NULL,
                error_message = NULL, duration_seconds = $3, width = $4, height = $5, rungs = $6,
                ready_at = now(), updated_at = now()
          WHERE id = $1 AND generation = $2
          RETURNING id`,
        [assetId, generation, probe.durationSeconds, probe.width, probe.height, JSON.stringify(rungs)],
      );
      if (published.length === 0) return { skipped: 'superseded while transcoding' };
      this.logger.log(`Published ${assetId} g${generation}: ${rungs.map((r) => r.name).join(', ')}`);
      return { published: generation, rungs: rungs.length, durationSeconds: probe.durationSeconds };
    } catch (error) {
      if (context.attempt >= context.maxAttempts) {
        await this.fail(
          assetId,
          generation,
          'VIDEO_TRANSCODE_FAILED',
          (error as Error).message.slice(0, 500),
        );
      } else {
        await this.setStatus(assetId, generation, { status: VideoStatus.Queued, progress: null });
      }
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async probe(source: string): Promise<unknown> {
    try {
      const { stdout } = await runMediaTool(this.config.FFPROBE_PATH, ffprobeArgs(source));
      return JSON.parse(stdout) as unknown;
    } catch (error) {
      // ffprobe exiting with an error is an answer (not a video), not a reason to retry; ffprobe
      // killed by a signal (shutdown, out of memory) is not an answer, so the job is retried.
      if ((error instanceof ProcessFailedError && error.exitCode !== null) || error instanceof SyntaxError)
        return null;
      throw error;
    }
  }

  private async transcode(
    probe: ProbeResult,
    source: string,
    output: string,
    assetId: string,
    generation: number,
    context: JobContext,
  ): Promise<void> {
    let lastReport = 0;
    let lastPercent = -1;
    await runMediaTool(
      this.config.FFMPEG_PATH,
      hlsLadderArgs(DEFAULT_LADDER, probe, source, output),
      (chunk) => {
        const percent = parseProgress(chunk, probe.durationSeconds);
        // At most one progress write a second: the studio polls, nobody needs more.
        // A chunk can end mid-line and read low: progress only ever moves forward.
        if (percent === null || percent <= lastPercent || Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        lastPercent = percent;
        const shown = Math.min(99, percent);
        void context.updateProgress(shown).catch(() => undefined);
        void this.setStatus(assetId, generation, { status: VideoStatus.Processing, progress: shown }).catch(
          () => undefined,
        );
      },
    );
  }

  /** A local path to the source: the stored file itself on the local driver, else a download. */
  private async localSource(key: string, work: string): Promise<string> {
    // A missing source is a fault (storage not shared, file deleted), not an unreadable video: retry.
    if (!(await this.storage.stat(key))) throw new Error(`The source ${key} is not in storage`);
    if (this.storage instanceof LocalStorage) return this.storage.localPath(key);
    const path = join(work, 'source');
    await this.storage.downloadToFile(key, path);
    return path;
  }

  /** Work folders of earlier attempts of this generation (a killed worker's leftovers). */
  private async removeStaleWork(assetId: string, generation: number): Promise<void> {
    const prefix = `${assetId}-g${generation}-`;
    const entries = await readdir(this.workRoot).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((name) => name.startsWith(prefix))
        .map((name) => rm(join(this.workRoot, name), { recursive: true, force: true })),
    );
  }

  private async setStatus(
    assetId: string,
    generation: number,
    change: { status: VideoStatus; progress: number | null },
  ) {
    await this.dataSource.query(
      `UPDATE video_assets SET status = $3, progress_percent = $4, updated_at = now()
        WHERE id = $1 AND generation = $2 AND status NOT IN ('ready', 'failed')`,
      [assetId, generation, change.status, change.progress],
    );
  }

  private async fail(assetId: string, generation: number, code: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE video_assets SET status = 'failed', progress_percent = NULL, error_code = $3, error_message = $4,
              updated_at = now()
        WHERE id = $1 AND generation = $2 AND (status <> 'ready' OR published_generation IS DISTINCT FROM $2)`,
      [assetId, generation, code, message],
    );
  }

  /** The queue gave up (last attempt failed, or the job stalled too often): say so in the studio. */
  async onFinalFailure({ assetId, generation }: Payload, error: Error): Promise<void> {
    await this.fail(assetId, generation, 'VIDEO_TRANSCODE_FAILED', error.message.slice(0, 500));
  }

  async onApplicationShutdown(): Promise<void> {
    // Same grace as the queue runner gives jobs; past it the job goes back to the queue, and ffmpeg
    // must not keep running orphaned.
    await stopMediaProcesses(this.config.WORKER_SHUTDOWN_GRACE_SECONDS * 1000);
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { ApiConfig } from '../../config/api-config';

/** Uploads untouched this long are abandoned: incomplete ones, and complete ones never finished. */
export const UPLOAD_RETENTION_MS = 7 * 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 3600 * 1000;

/**
 * Deletes abandoned resumable uploads (up to 2 GiB each) from UPLOAD_PATH once an hour: a file and
 * its `.json` description when neither changed for 7 days. Finished uploads were moved into storage
 * already. Several API processes sweeping the same folder is harmless (a missing file is skipped).
 */
@Injectable()
export class UploadJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadJanitor.name);
  private readonly directory: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(@Inject(ApiConfig) config: ApiConfig) {
    this.directory = resolve(config.UPLOAD_PATH);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) => this.logger.warn(`Upload sweep failed: ${error.message}`));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Removes uploads older than the retention period; returns how many. */
  async sweep(now = Date.now()): Promise<number> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const ids = new Set(names.map((name) => name.replace(/\.json$/, '')));
    let removed = 0;
    for (const id of ids) {
      const paths = [join(this.directory, id), join(this.directory, `${id}.json`)];
      const times = await Promise.all(
        paths.map((path) =>
          stat(path).then(
            (s) => s.mtimeMs,
            () => 0,
          ),
        ),
      );
      if (Math.max(...times) > now - UPLOAD_RETENTION_MS) continue;
      await Promise.all(paths.map((path) => rm(path, { force: true })));
      removed += 1;
    }
    if (removed > 0) this.logger.log(`Removed ${removed} abandoned uploads`);
    return removed;
  }
}

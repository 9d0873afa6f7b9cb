import { CAMPAIGN_STATS_REFRESH_SQL, JobName } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';

/**
 * Refreshes the campaign dashboards' materialised views every 5 minutes. CONCURRENTLY: dashboards keep
 * reading the previous numbers while the new ones are computed. A transaction-level advisory lock makes
 * overlapping runs (two workers, a slow refresh) skip instead of queueing behind each other.
 */
@Injectable()
@HandlesJob(JobName.RefreshCampaignStats)
export class RefreshCampaignStatsHandler implements JobHandler<typeof JobName.RefreshCampaignStats> {
  private readonly logger = new Logger(RefreshCampaignStatsHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(): Promise<{ refreshed: boolean; durationMs: number }> {
    const started = Date.now();
    const refreshed = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('hocvu:campaign-stats')) AS locked`,
      );
      if (!locked) return false;
      for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await manager.query(statement);
      await manager.query(
        `INSERT INTO campaign_stats_refreshes (id, refreshed_at, duration_ms) VALUES (1, now(), $1)
         ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms`,
        [Date.now() - started],
      );
      return true;
    });
    const durationMs = Date.now() - started;
    if (refreshed && durationMs > 10_000)
      this.logger.warn(`Campaign statistics refreshed in ${durationMs} ms`);
    return { refreshed, durationMs };
  }
}

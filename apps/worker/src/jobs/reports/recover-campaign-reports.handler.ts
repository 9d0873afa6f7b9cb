import { campaignReportRequestedKey, JobName, JobPayloads, OutboxEventType } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';

type Payload = JobPayloads[typeof JobName.RecoverCampaignReports];

/**
 * A report whose job was lost stays queued (or running, when its worker died and BullMQ gave up on the
 * job without calling it back) and blocks its quarter: asking again returns it. Ways it happens: Redis
 * lost its data after the outbox marked the event relayed; or a database restored under an old Redis,
 * where BullMQ drops the re-relayed event as a repeat of the job it still keeps under the same id.
 *
 * Every 10 minutes this asks again for reports with no step for `staleMinutes`: a new outbox event under
 * a new key (so a new job id), in the transaction that resets the report — at most `maxRequeues` times,
 * then the report is failed with the reason and a new one can be requested.
 */
@Injectable()
@HandlesJob(JobName.RecoverCampaignReports)
export class RecoverCampaignReportsHandler implements JobHandler<typeof JobName.RecoverCampaignReports> {
  private readonly logger = new Logger(RecoverCampaignReportsHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle({ staleMinutes, maxRequeues }: Payload): Promise<{ requeued: number; failed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const stale = await manager.query<{ id: string; requeues: number }[]>(
        `SELECT id, requeues FROM campaign_reports
          WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(mins => $1)
          ORDER BY updated_at
          LIMIT 500
            FOR UPDATE SKIP LOCKED`,
        [staleMinutes],
      );
      const giveUp = stale.filter((report) => report.requeues >= maxRequeues).map((report) => report.id);
      const again = stale.filter((report) => report.requeues < maxRequeues);
      if (giveUp.length > 0) {
        await manager.query(
          `UPDATE campaign_reports
              SET status = 'failed', finished_at = now(), updated_at = now(),
                  error = 'The report was not generated after ' || (requeues + 1) || ' tries; request it again'
            WHERE id = ANY($1::uuid[])`,
          [giveUp],
        );
      }
      if (again.length > 0) {
        const ids = again.map((report) => report.id);
        await manager.query(
          `UPDATE campaign_reports SET status = 'queued', progress_percent = 0, requeues = requeues + 1,
                  updated_at = now()
            WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        // A new key per requeue: the lost job's id may still be held by BullMQ.
        await manager.query(
          `INSERT INTO outbox_events (type, dedupe_key, payload)
           SELECT $1, key, jsonb_build_object('reportId', id) FROM unnest($2::uuid[], $3::text[]) AS r(id, key)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [
            OutboxEventType.CampaignReportRequested,
            ids,
            again.map((report) => `${campaignReportRequestedKey(report.id)}:requeue-${report.requeues + 1}`),
          ],
        );
        await manager.query(`SELECT pg_notify('hocvu_outbox', '')`);
      }
      if (stale.length > 0) {
        this.logger.warn(
          `Campaign reports without progress: ${again.length} asked again, ${giveUp.length} failed`,
        );
      }
      return { requeued: again.length, failed: giveUp.length };
    });
  }
}

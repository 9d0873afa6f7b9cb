import { campaignReportRequestedKey, JobName, OutboxEventType, previousQuarter } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';

/**
 * On the 1st of each quarter: requests the report of the quarter just ended for every province and every
 * commune, so communes have theirs well before the 15th. One transaction writes the report rows and their
 * outbox events; the scheduled-report unique index makes a second run (two workers, a retry, a manual
 * re-run) add nothing. A unit that already has a report of that quarter being generated on request is
 * skipped: that report is the quarter's.
 */
@Injectable()
@HandlesJob(JobName.ScheduleQuarterlyReports)
export class ScheduleQuarterlyReportsHandler implements JobHandler<typeof JobName.ScheduleQuarterlyReports> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(
    _payload: unknown,
    _context?: unknown,
    now: Date = new Date(),
  ): Promise<{ requested: number }> {
    const { year, quarter } = previousQuarter(now);
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO campaign_reports (unit_id, year, quarter, scheduled)
         SELECT id, $1, $2, true FROM admin_units WHERE kind IN ('province', 'commune', 'ward')
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [year, quarter],
      );
      if (rows.length === 0) return { requested: 0 };
      await manager.query(
        `INSERT INTO outbox_events (type, dedupe_key, payload)
         SELECT $1, key, jsonb_build_object('reportId', id) FROM unnest($2::uuid[], $3::text[]) AS r(id, key)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          OutboxEventType.CampaignReportRequested,
          rows.map((row) => row.id),
          rows.map((row) => campaignReportRequestedKey(row.id)),
        ],
      );
      await manager.query(`SELECT pg_notify('hocvu_outbox', '')`);
      return { requested: rows.length };
    });
  }
}

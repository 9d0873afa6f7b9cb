import { JobName, JobPayloads } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';

type Payload = JobPayloads[typeof JobName.PurgeExpiredSessions];

/** Nightly clean-up of sign-in sessions that ended more than `olderThanDays` ago (tokens cascade). */
@Injectable()
@HandlesJob(JobName.PurgeExpiredSessions)
export class PurgeExpiredSessionsHandler implements JobHandler<typeof JobName.PurgeExpiredSessions> {
  private readonly logger = new Logger(PurgeExpiredSessionsHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: Payload): Promise<{ deleted: number }> {
    const days = Math.max(0, Math.floor(payload.olderThanDays));
    const result = await this.dataSource.query<{ deleted: number }[]>(
      `WITH gone AS (
         DELETE FROM auth_sessions
          WHERE expires_at < now() - make_interval(days => $1)
             OR revoked_at < now() - make_interval(days => $1)
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [days],
    );
    const deleted = result[0]?.deleted ?? 0;
    this.logger.log(`Purged ${deleted} ended sessions older than ${days} days`);
    return { deleted };
  }
}

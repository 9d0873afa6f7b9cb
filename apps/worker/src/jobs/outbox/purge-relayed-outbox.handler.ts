import { JobName, JobPayloads } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';

type Payload = JobPayloads[typeof JobName.PurgeRelayedOutbox];

/** Rows deleted per statement: short transactions, so the relay's inserts never wait behind a purge. */
const BATCH = 5_000;

/**
 * Nightly clean-up of outbox rows relayed long ago. A campaign writes one row per completed course
 * (hundreds of thousands); once relayed, and the job long run, the row is only history. Pending rows
 * are never touched, however old: they are events still owed to the queue.
 */
@Injectable()
@HandlesJob(JobName.PurgeRelayedOutbox)
export class PurgeRelayedOutboxHandler implements JobHandler<typeof JobName.PurgeRelayedOutbox> {
  private readonly logger = new Logger(PurgeRelayedOutboxHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: Payload): Promise<{ deleted: number }> {
    const days = Math.max(1, Math.floor(payload.olderThanDays));
    let deleted = 0;
    for (;;) {
      const [row] = await this.dataSource.query<{ deleted: number }[]>(
        `WITH gone AS (
           DELETE FROM outbox_events
            WHERE id IN (SELECT id FROM outbox_events
                          WHERE relayed_at < now() - make_interval(days => $1)
                          LIMIT $2)
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM gone`,
        [days, BATCH],
      );
      const batch = row?.deleted ?? 0;
      deleted += batch;
      if (batch < BATCH) break;
    }
    this.logger.log(`Purged ${deleted} outbox events relayed more than ${days} days ago`);
    return { deleted };
  }
}

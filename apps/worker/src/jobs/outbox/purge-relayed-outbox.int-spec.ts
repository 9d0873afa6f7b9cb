import { JobName, JOBS } from '@hocvu/contracts';
import { Client } from 'pg';

import { producer, startTestWorker, testWorkerConfig } from '../../../test/test-worker';

describe('PurgeRelayedOutbox (integration)', () => {
  it('deletes events relayed long ago, keeps recent and pending ones (however old), and schedules itself nightly', async () => {
    const config = testWorkerConfig();
    const db = new Client({ connectionString: config.DATABASE_URL });
    await db.connect();
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.PurgeRelayedOutbox].queue);
    try {
      const insert = async (key: string, created: string, relayed: string | null): Promise<string> => {
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO outbox_events (type, dedupe_key, payload, created_at, relayed_at)
           VALUES ('CourseCompleted', $1, '{}', now() + $2::interval, now() + $3::interval) RETURNING id`,
          [`purge-test:${key}`, created, relayed],
        );
        return rows[0]?.id ?? '';
      };
      const relayedLongAgo = await insert('old', '-40 days', '-40 days');
      const relayedYesterday = await insert('recent', '-2 days', '-1 day');
      // Never relayed (the relay was down, say): still owed to the queue, so never purged.
      const pendingLongAgo = await insert('pending', '-60 days', null);

      const job = await queue.add(JobName.PurgeRelayedOutbox, { olderThanDays: 30 });
      expect(await job.waitUntilFinished(events, 20_000)).toEqual({ deleted: 1 });

      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM outbox_events WHERE dedupe_key LIKE 'purge-test:%'`,
      );
      expect(rows.map((row) => row.id).sort()).toEqual([relayedYesterday, pendingLongAgo].sort());
      expect(rows.map((row) => row.id)).not.toContain(relayedLongAgo);

      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.filter((s) => s.key === `schedule:${JobName.PurgeRelayedOutbox}`)).toEqual([
        expect.objectContaining({ pattern: '47 3 * * *', tz: 'Asia/Ho_Chi_Minh' }),
      ]);
    } finally {
      await close();
      await worker.close();
      await db.end();
    }
  });
});

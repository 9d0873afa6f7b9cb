import { JobName, JOBS } from '@hocvu/contracts';
import { Client } from 'pg';

import { producer, startTestWorker, testWorkerConfig } from '../../../test/test-worker';

describe('PurgeExpiredSessions (integration)', () => {
  it('deletes sessions that ended long ago, keeps live and recently ended ones, and schedules itself nightly', async () => {
    const config = testWorkerConfig();
    const db = new Client({ connectionString: config.DATABASE_URL });
    await db.connect();
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.PurgeExpiredSessions].queue);
    try {
      const [user] = (
        await db.query(
          `INSERT INTO users (phone, password_hash, role, full_name) VALUES ('+84911999001', 'x', 'learner', 'Thử') RETURNING id`,
        )
      ).rows;
      const insert = (expires: string, revoked: string | null) =>
        db.query(
          `INSERT INTO auth_sessions (user_id, expires_at, revoked_at) VALUES ($1, now() + $2::interval, now() + $3::interval) RETURNING id`,
          [user.id, expires, revoked],
        );
      const live = (await insert('10 days', null)).rows[0].id;
      const expiredLongAgo = (await insert('-30 days', null)).rows[0].id;
      const revokedLongAgo = (await insert('10 days', '-20 days')).rows[0].id;
      const revokedYesterday = (await insert('10 days', '-1 day')).rows[0].id;

      const job = await queue.add(JobName.PurgeExpiredSessions, { olderThanDays: 7 });
      expect(await job.waitUntilFinished(events, 20_000)).toEqual({ deleted: 2 });

      const remaining = (
        await db.query('SELECT id FROM auth_sessions WHERE user_id = $1', [user.id])
      ).rows.map((r) => r.id);
      expect(remaining.sort()).toEqual([live, revokedYesterday].sort());
      expect(remaining).not.toContain(expiredLongAgo);
      expect(remaining).not.toContain(revokedLongAgo);

      // The maintenance queue holds other schedules too (CloseExpiredAttempts); this one exactly once.
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.filter((s) => s.key === `schedule:${JobName.PurgeExpiredSessions}`)).toEqual([
        expect.objectContaining({ pattern: '17 3 * * *', tz: 'Asia/Ho_Chi_Minh' }),
      ]);
    } finally {
      await close();
      await worker.close();
      await db.end();
    }
  });
});

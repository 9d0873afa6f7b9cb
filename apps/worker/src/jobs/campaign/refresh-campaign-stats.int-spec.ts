import { JobName, JOBS } from '@hocvu/contracts';
import { Client } from 'pg';

import { producer, startTestWorker, testWorkerConfig, waitFor } from '../../../test/test-worker';

describe('RefreshCampaignStats (integration)', () => {
  it('refreshes the dashboards’ aggregates every 5 minutes, and skips while another refresh runs', async () => {
    const config = testWorkerConfig();
    const db = new Client({ connectionString: config.DATABASE_URL });
    const holder = new Client({ connectionString: config.DATABASE_URL });
    await Promise.all([db.connect(), holder.connect()]);
    await db.query(`DELETE FROM campaign_stats_refreshes`);
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.RefreshCampaignStats].queue);
    try {
      // A starting worker refreshes once on its own: a fresh install does not wait 5 minutes for figures.
      await waitFor(
        async () => (await db.query(`SELECT 1 FROM campaign_stats_refreshes WHERE id = 1`)).rowCount === 1,
        20_000,
        'the refresh at worker start',
      );
      const phone = `+849${String(Date.now()).slice(-8)}`;
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO users (phone, password_hash, role, full_name) VALUES ($1, '!', 'learner', 'Lò Thị Xuân') RETURNING id`,
        [phone],
      );
      const inView = async () =>
        (await db.query(`SELECT 1 FROM campaign_learner_stages WHERE user_id = $1`, [rows[0].id])).rowCount;
      expect(await inView()).toBe(0);

      // Another refresh holds the lock: this run skips instead of queueing behind it.
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('hocvu:campaign-stats'))`);
      const skipped = await queue.add(JobName.RefreshCampaignStats, {});
      expect(await skipped.waitUntilFinished(events, 20_000)).toMatchObject({ refreshed: false });
      expect(await inView()).toBe(0);
      await holder.query('COMMIT');

      const job = await queue.add(JobName.RefreshCampaignStats, {});
      expect(await job.waitUntilFinished(events, 20_000)).toMatchObject({ refreshed: true });
      expect(await inView()).toBe(1);
      const funnel = await db.query<{ learners: number }>(
        `SELECT sum(learners)::int AS learners FROM campaign_funnel WHERE stage = 'registered'`,
      );
      const learners = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE role = 'learner' AND status = 'active'`,
      );
      expect(funnel.rows[0].learners).toBe(learners.rows[0].n);
      const refreshed = await db.query(`SELECT refreshed_at FROM campaign_stats_refreshes WHERE id = 1`);
      expect(refreshed.rowCount).toBe(1);

      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.filter((s) => s.key === `schedule:${JobName.RefreshCampaignStats}`)).toEqual([
        expect.objectContaining({ pattern: '*/5 * * * *', tz: 'Asia/Ho_Chi_Minh' }),
      ]);
    } finally {
      await close();
      await worker.close();
      await Promise.all([db.end(), holder.end()]);
    }
  });
});

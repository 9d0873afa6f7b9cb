import { CourseCompletedEvent, OUTBOX_ROUTES, OutboxEventType, outboxJobId } from '@hocvu/contracts';
import { createTestResources, dropTestResources, TestResources } from '@hocvu/server-kit/testing';
import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see data-source-options.ts)
import { MIGRATIONS } from '../../../../../migrations';
import { producer, startTestWorker, testWorkerConfig, waitFor } from '../../../test/test-worker';
import { OUTBOX_CHANNEL, OutboxBatchOutcome } from './outbox-relay.service';

const QUEUE = OUTBOX_ROUTES[OutboxEventType.CourseCompleted].queue;
const ALL_STATES = ['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'] as const;

/**
 * The relay against real PostgreSQL and Redis, in a database of its own: the other specs' workers run
 * relays on the shared database, which would take these events from under the assertions.
 */
describe('OutboxRelay (integration)', () => {
  let resources: TestResources;
  let db: Client;
  let testNo = 0;
  const running: INestApplicationContext[] = [];

  beforeAll(async () => {
    resources = await createTestResources('outbox', MIGRATIONS);
    db = new Client({ connectionString: resources.databaseUrl });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db.end();
    if (!process.env['HOCVU_KEEP_TEST_DB']) await dropTestResources(resources);
  });
  beforeEach(async () => {
    testNo += 1;
    await db.query('TRUNCATE outbox_events');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });

  /** This spec's database and, per test, a Redis prefix of its own (an empty queue). */
  function config(env: Record<string, string> = {}) {
    return testWorkerConfig({
      DATABASE_URL: resources.databaseUrl,
      REDIS_PREFIX: `${resources.redisPrefix}-t${testNo}`,
      ...env,
    });
  }

  /** A worker serving no jobs: just the relay (and what every worker boots). */
  async function relay(env: Record<string, string> = {}, outcomes?: OutboxBatchOutcome[]) {
    const app = await startTestWorker(config(env), {
      handlers: [],
      jobs: {},
      outboxRelayHooks: { afterBatch: (outcome) => outcomes?.push(outcome) },
    });
    running.push(app);
    return app;
  }

  function anEvent(): CourseCompletedEvent {
    return {
      enrolmentId: randomUUID(),
      userId: randomUUID(),
      courseId: randomUUID(),
      versionId: randomUUID(),
      completedAt: new Date().toISOString(),
      finalExamPercent: 85.5,
    };
  }

  /** Writes events as the progress package does: rows plus a NOTIFY, in one transaction. */
  async function writeEvents(count: number, type: string = OutboxEventType.CourseCompleted) {
    const events = Array.from({ length: count }, anEvent);
    await db.query('BEGIN');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO outbox_events (type, dedupe_key, payload)
       SELECT $1::text, $1::text || ':' || (e->>'enrolmentId'), e FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, n)
        ORDER BY n
       RETURNING id::text AS id`,
      [type, JSON.stringify(events)],
    );
    await db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    await db.query('COMMIT');
    return rows.map((row, index) => ({
      id: row.id,
      jobId: outboxJobId(`${type}:${events[index].enrolmentId}`),
      payload: events[index],
    }));
  }

  const pendingCount = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL'))
      .rows[0].n;

  async function jobsInQueue(queue: Queue): Promise<Job[]> {
    return queue.getJobs([...ALL_STATES], 0, -1);
  }

  it('relays each event on NOTIFY as one job named by its type, under its deterministic id, and marks it relayed', async () => {
    // A poll far beyond the test's waits: only the NOTIFY can have woken the relay.
    await relay({ OUTBOX_POLL_MS: '300000' });
    const events = await writeEvents(3);
    await waitFor(async () => (await pendingCount()) === 0, 5000, 'events relayed');

    const { queue, close } = producer(config(), QUEUE);
    try {
      const jobs = await jobsInQueue(queue);
      expect(jobs).toHaveLength(3);
      for (const event of events) {
        const job = await queue.getJob(event.jobId);
        expect(job).toMatchObject({
          name: OutboxEventType.CourseCompleted,
          data: event.payload,
          opts: expect.objectContaining({
            attempts: 8,
            backoff: { type: 'exponential', delay: 10_000 },
            removeOnComplete: { age: 7 * 24 * 3600 },
          }),
        });
        expect(await job?.getState()).toBe('waiting'); // nobody consumes course-events yet
      }
    } finally {
      await close();
    }
    const rows = await db.query('SELECT relayed_at FROM outbox_events WHERE relayed_at IS NOT NULL');
    expect(rows.rowCount).toBe(3);
  });

  it('relays the events of a database recreated or restored under the same Redis (outbox ids numbered again from 1)', async () => {
    await relay({ OUTBOX_POLL_MS: '100' });
    await db.query('TRUNCATE outbox_events RESTART IDENTITY');
    const before = await writeEvents(3);
    await waitFor(async () => (await pendingCount()) === 0, 5000, 'first events relayed');
    // What `dropdb hocvu && npm start` (or a restore from backup) does to the outbox: the rows are
    // gone, the sequence starts over, and Redis still keeps the completed/waiting jobs of the old rows.
    await db.query('TRUNCATE outbox_events RESTART IDENTITY');
    const after = await writeEvents(3);
    expect(after.map((event) => event.id)).toEqual(before.map((event) => event.id)); // the same row numbers
    await waitFor(async () => (await pendingCount()) === 0, 5000, 'new events relayed');

    const { queue, close } = producer(config(), QUEUE);
    try {
      const jobs = await jobsInQueue(queue);
      expect(jobs).toHaveLength(6); // none of the new events was taken for an old job
      for (const event of after) expect((await queue.getJob(event.jobId))?.data).toEqual(event.payload);
    } finally {
      await close();
    }
  });

  it('leaves events of a type it has no route for unrelayed, and relays the others', async () => {
    await relay({ OUTBOX_POLL_MS: '100' });
    const [unknown] = await writeEvents(1, 'CertificateRevoked');
    const known = await writeEvents(2);
    await waitFor(
      async () =>
        (await db.query('SELECT 1 FROM outbox_events WHERE relayed_at IS NOT NULL')).rowCount ===
        known.length,
      5000,
      'known events relayed',
    );
    const { rows } = await db.query('SELECT relayed_at FROM outbox_events WHERE id = $1', [unknown.id]);
    expect(rows[0].relayed_at).toBeNull();
    const { queue, close } = producer(config(), QUEUE);
    try {
      expect(await queue.getJob(unknown.jobId)).toBeUndefined();
      expect(await jobsInQueue(queue)).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('two relays racing over 500 events share them: each event is queued by one relay, once', async () => {
    const byRelay: string[][] = [[], []];
    const hooks = (index: number) => ({
      afterQueued: (ids: string[]) => void byRelay[index].push(...ids),
    });
    for (const index of [0, 1]) {
      running.push(
        await startTestWorker(config({ OUTBOX_POLL_MS: '300000', OUTBOX_BATCH_SIZE: '20' }), {
          handlers: [],
          jobs: {},
          outboxRelayHooks: hooks(index),
        }),
      );
    }
    const events = await writeEvents(500); // one NOTIFY wakes both relays at once
    await waitFor(async () => (await pendingCount()) === 0, 20_000, 'events relayed');

    const queuedIds = [...byRelay[0], ...byRelay[1]];
    expect(queuedIds).toHaveLength(500); // no event was queued twice
    expect(new Set(queuedIds)).toEqual(new Set(events.map((event) => event.id)));
    const { queue, close } = producer(config(), QUEUE);
    try {
      const jobs = await jobsInQueue(queue);
      expect(jobs).toHaveLength(500);
      expect(new Set(jobs.map((job) => job.id))).toEqual(new Set(events.map((event) => event.jobId)));
    } finally {
      await close();
    }
  }, 30_000);

  it('a relay killed after queueing a batch but before committing it leaves the events pending; the next relay queues nothing twice', async () => {
    const events = await writeEvents(25);
    const crashConfig = config({ OUTBOX_BATCH_SIZE: '10' });
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, '../../../../../packages/tooling/src/register-ts.cjs'),
        join(__dirname, '../../../test/outbox-relay-crash.child.ts'),
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: crashConfig.DATABASE_URL,
          REDIS_URL: crashConfig.REDIS_URL,
          REDIS_PREFIX: crashConfig.REDIS_PREFIX,
          DATA_ENCRYPTION_KEYS: crashConfig.DATA_ENCRYPTION_KEYS,
          DATA_ENCRYPTION_ACTIVE_KEY_ID: crashConfig.DATA_ENCRYPTION_ACTIVE_KEY_ID,
          DATA_LOOKUP_KEY_ID: crashConfig.DATA_LOOKUP_KEY_ID,
          OUTBOX_BATCH_SIZE: '10',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    if (exit.signal !== 'SIGKILL') throw new Error(`The relay process exited with ${exit.code}: ${stderr}`);
    const { queued } = JSON.parse(stdout.trim()) as { queued: string[] };
    expect(queued).toEqual(events.slice(0, 10).map((event) => event.id)); // the oldest first

    const { queue, close } = producer(crashConfig, QUEUE);
    try {
      // The crash came between the queue and the commit: jobs of the first batch exist, no row is marked.
      expect(await pendingCount()).toBe(25);
      const before = await jobsInQueue(queue);
      const jobIdOf = new Map(events.map((event) => [event.id, event.jobId]));
      expect(before.map((job) => job.id).sort()).toEqual(queued.map((id) => jobIdOf.get(id)).sort());
      const firstAdded = new Map(before.map((job) => [job.id, job.timestamp]));

      await relay({ OUTBOX_BATCH_SIZE: '10' });
      await waitFor(async () => (await pendingCount()) === 0, 10_000, 'events relayed after the crash');
      const after = await jobsInQueue(queue);
      expect(after).toHaveLength(25);
      expect(new Set(after.map((job) => job.id))).toEqual(new Set(events.map((event) => event.jobId)));
      // The jobs queued before the crash were kept as they were, not added again.
      for (const job of after.filter((job) => firstAdded.has(job.id))) {
        expect(job.timestamp).toBe(firstAdded.get(job.id));
      }
    } finally {
      await close();
    }
  }, 60_000);

  it('while Redis is unreachable, marks nothing relayed and keeps trying; once Redis is back the events go out', async () => {
    const outcomes: OutboxBatchOutcome[] = [];
    const down = await relay(
      { REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, OUTBOX_POLL_MS: '100' },
      outcomes,
    );
    const events = await writeEvents(5);
    await waitFor(
      () => outcomes.filter((outcome) => 'error' in outcome).length >= 2,
      10_000,
      'two failed tries',
    );
    expect(outcomes.every((outcome) => 'error' in outcome)).toBe(true);
    expect(await pendingCount()).toBe(5);
    await down.close();
    running.splice(running.indexOf(down), 1);

    await relay();
    await waitFor(async () => (await pendingCount()) === 0, 10_000, 'events relayed');
    const { queue, close } = producer(config(), QUEUE);
    try {
      expect((await jobsInQueue(queue)).map((job) => job.id).sort()).toEqual(
        events.map((event) => event.jobId).sort(),
      );
    } finally {
      await close();
    }
  });

  /** Backends of this database listening for outbox events. */
  const listeners = async () =>
    (
      await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE application_name = 'hocvu-worker-outbox' AND datname = current_database()
            AND query = 'LISTEN ${OUTBOX_CHANNEL}'`,
      )
    ).rows.map((row) => row.pid);

  it('reconnects its LISTEN connection when it drops, and is woken by NOTIFY again', async () => {
    await relay({ OUTBOX_POLL_MS: '300000' });
    await waitFor(async () => (await listeners()).length === 1, 5000, 'listener listening');
    const [first] = await listeners();
    await db.query('SELECT pg_terminate_backend($1)', [first]);
    await waitFor(
      async () => {
        const now = await listeners();
        return now.length === 1 && now[0] !== first;
      },
      10_000,
      'listener listening again',
    );
    await writeEvents(2);
    await waitFor(async () => (await pendingCount()) === 0, 5000, 'events relayed on NOTIFY');
  }, 20_000);
  it('does not start in a worker that refuses to start (a job without its handler)', async () => {
    await waitFor(async () => (await listeners()).length === 0, 5000, 'earlier relays gone');
    const [event] = await writeEvents(1);
    await expect(startTestWorker(config({ OUTBOX_POLL_MS: '100' }), { handlers: [] })).rejects.toThrow(
      /has 0 handlers/,
    );
    // Proving an absence takes a wait: a relay started alongside would have listened and relayed by then.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await listeners()).toEqual([]);
    expect((await db.query('SELECT relayed_at FROM outbox_events WHERE id = $1', [event.id])).rows).toEqual([
      { relayed_at: null },
    ]);
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

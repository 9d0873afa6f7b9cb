import { generateAttestationKeyPair } from '@hocvu/attestation';
import { VNEID_TEST_CITIZENS } from '@hocvu/attestation/testing';
import { attestationIdempotencyKey, CourseCompletedEvent, JobName, JOBS } from '@hocvu/contracts';
import { createTestResources, dropTestResources, TestResources } from '@hocvu/server-kit/testing';
import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see data-source-options.ts)
import { MIGRATIONS } from '../../../../../migrations';
import { type AttestationRow, CertificateFixtures, testJobTable } from '../../../test/certificate-fixtures';
import { producer, startTestWorker, testWorkerConfig, waitFor } from '../../../test/test-worker';
import { type Inspection, VneidSimulator } from '../../../test/vneid-simulator';
import { startWorkerProcess } from '../../../test/worker-process';
import { WorkerConfig } from '../../config/worker-config';
import { CertificateIssuer } from '../certificates/certificate-issuer.service';
import type { PushRunSummary } from './push-attestations.handler';
import type { ReconcileSummary } from './reconcile-attestations.handler';

const citizen = (name: string) => {
  const found = VNEID_TEST_CITIZENS.find((c) => c.fullName === name);
  if (!found) throw new Error(`no test citizen ${name}`);
  return found;
};

/** A slug as the API makes one from a long course title (80 characters), and its duplicate-title twin. */
const LONG_SLUG = 'huong-dan-su-dung-dich-vu-cong-truc-tuyen-va-thanh-toan-khong-dung-tien-mat-cho-n';

/**
 * The attestation push and its reconciliation against real PostgreSQL, Redis and the VNeID simulator
 * over HTTP (its own process, faults injected through its admin API). A database of its own: the push
 * drains the whole attestation table.
 */
describe('VNeID attestation push (integration, real simulator)', () => {
  jest.setTimeout(30_000);
  let resources: TestResources;
  let db: Client;
  let sim: VneidSimulator;
  let fixtures: CertificateFixtures;
  let seeder: INestApplicationContext;
  let testNo = 0;
  const running: INestApplicationContext[] = [];
  /** Identity-verified learners whose data matches VNeID's register. */
  const matching: string[] = [];
  /** A verified learner whose name differs from VNeID's ("Tòng Thị Em" for Tòng Thị Én). */
  let mismatching = '';
  /** Verified in person (level 2) only after their certificate was issued. */
  let verifiedLater = '';

  beforeAll(async () => {
    resources = await createTestResources('attest', MIGRATIONS);
    db = new Client({ connectionString: resources.databaseUrl });
    await db.connect();
    sim = await VneidSimulator.start();
    const base = config();
    fixtures = new CertificateFixtures(db, base);
    for (const name of ['Lò Văn Thắng', 'Quàng Thị Hoa', 'Vừ Thị Mai', 'Nguyễn Thị Thu Hà', 'Cà Văn Dũng']) {
      matching.push(await fixtures.learner({ citizen: citizen(name) }));
    }
    mismatching = await fixtures.learner({ citizen: citizen('Tòng Thị Én'), fullName: 'Tòng Thị Em' });
    verifiedLater = await fixtures.learner({ citizen: citizen('Giàng A Pao'), identityLevel: 1 });
    // Issues the certificates the tests push (and serves no queue): the real issuer, attestation rows included.
    seeder = await startTestWorker(testWorkerConfig({ ...dbEnv(), VNEID_ATTESTATION_URL: '' }), {
      handlers: [],
      jobs: {},
    });
  }, 60_000);

  afterAll(async () => {
    await seeder?.close();
    await sim?.stop();
    await db?.end();
    if (resources && !process.env['HOCVU_KEEP_TEST_DB']) await dropTestResources(resources);
  });

  beforeEach(async () => {
    testNo += 1;
    await db.query('TRUNCATE certificates CASCADE');
    await db.query('UPDATE users SET identity_level = 1 WHERE id = $1', [verifiedLater]);
    await sim.reset();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });

  function dbEnv(): Record<string, string> {
    // A Redis prefix per test: no schedule or job of one test runs in the next.
    return { DATABASE_URL: resources.databaseUrl, REDIS_PREFIX: `${resources.redisPrefix}-t${testNo}` };
  }

  /** A worker pushing to the simulator: short backoffs so retries happen within a test. */
  function config(env: Record<string, string> = {}): WorkerConfig {
    return testWorkerConfig({
      ...dbEnv(),
      ...(sim ? sim.workerEnv() : {}),
      ATTESTATION_BACKOFF_BASE_MS: '50',
      ATTESTATION_BACKOFF_MAX_MS: '1000',
      ATTESTATION_BREAKER_COOLDOWN_MS: '500',
      VNEID_ATTESTATION_TIMEOUT_MS: '3000',
      ...env,
    });
  }

  /** Starts a worker; with `schedule`, PushAttestations runs every second as the real schedule would (every 10 s). */
  async function pushingWorker(env: Record<string, string> = {}, schedule = true): Promise<WorkerConfig> {
    const workerConfig = config(env);
    running.push(await startTestWorker(workerConfig, { jobs: testJobTable({ pushEverySecond: schedule }) }));
    return workerConfig;
  }

  /** Runs one job to its end through the queue, as the scheduler would start it. */
  async function runJob<T>(workerConfig: WorkerConfig, name: string, payload: unknown): Promise<T> {
    const { queue, events, close } = producer(workerConfig, JOBS[JobName.PushAttestations].queue);
    try {
      return (await (await queue.add(name, payload)).waitUntilFinished(events, 60_000)) as T;
    } finally {
      await close();
    }
  }
  const push = (c: WorkerConfig) => runJob<PushRunSummary>(c, JobName.PushAttestations, { batchSize: 50 });
  const reconcile = (c: WorkerConfig) =>
    runJob<ReconcileSummary>(c, JobName.ReconcileAttestations, { batchSize: 500 });

  /** Issues `count` course certificates to `users` in turn (new courses as needed); returns their ids. */
  async function certify(count: number, users = matching, course?: { slug?: string }): Promise<string[]> {
    const issuer = seeder.get(CertificateIssuer);
    const ids: string[] = [];
    while (ids.length < count) {
      const made = await fixtures.course(course);
      for (const user of users.slice(0, count - ids.length)) {
        const event = await fixtures.completion(user, made);
        const outcome = await issuer.issueForEnrolment(event.enrolmentId);
        if (outcome.outcome === 'skipped') throw new Error(outcome.reason);
        ids.push(outcome.certificateId);
      }
    }
    return ids;
  }

  const attestations = async () =>
    (await db.query<AttestationRow>('SELECT * FROM certificate_attestations ORDER BY created_at')).rows;
  const states = async () => {
    const { rows } = await db.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM certificate_attestations GROUP BY state',
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  };
  const settled = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM certificate_attestations WHERE state IN ('pending', 'sent')`,
      )
    ).rows[0].n === 0;
  const adminRetry = () =>
    db.query(
      `UPDATE certificate_attestations
          SET state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, decided_at = NULL
        WHERE state = 'failed'`,
    );

  /** Every certificate's key was recorded exactly once by VNeID, accepted. */
  function expectRecordedOnce(inspection: Inspection, certificateIds: string[]): void {
    const keys = certificateIds.map(attestationIdempotencyKey);
    expect(inspection.records.map((r) => r.idempotencyKey).sort()).toEqual([...keys].sort());
    expect(inspection.records.every((r) => r.status === 'accepted')).toBe(true);
    for (const key of keys) {
      expect(inspection.keys.find((k) => k.idempotencyKey === key)).toMatchObject({
        recorded: 1,
        conflicts: 0,
      });
    }
  }

  it('confirms every pending attestation with one accepted VNeID record each, and rejects a learner whose name VNeID does not match (data_mismatch)', async () => {
    await sim.faults({ latencyMs: 20 });
    const good = await certify(12);
    // Course codes VNeID takes have at most 64 characters; the API's slugs can have 87.
    const long = [
      ...(await certify(1, matching, { slug: LONG_SLUG })),
      ...(await certify(1, matching, { slug: `${LONG_SLUG}-a1b2c3` })),
    ];
    const [rejected] = await certify(1, [mismatching]);
    // A skill certificate: its code is the programme's.
    const programme = await fixtures.skillProgramme('KNS-TEST-01');
    const { itemIds } = await fixtures.batch(programme, 'approved', [[matching[0], '2025-11-20']]);
    const skill = await seeder.get(CertificateIssuer).issueForBatchItem(itemIds[0]);
    if (skill.outcome !== 'issued') throw new Error('no skill certificate');
    const confirmedIds = [...good, ...long, skill.certificateId];
    await pushingWorker();
    await waitFor(settled, 20_000, 'every attestation decided');

    const rows = await attestations();
    expect(rows).toHaveLength(16);
    const inspection = await sim.inspect();
    for (const row of rows) {
      const remote = inspection.records.find((r) => r.idempotencyKey === row.idempotency_key);
      const counters = inspection.keys.find((k) => k.idempotencyKey === row.idempotency_key);
      // No fault: one request per attestation, one attempt counted.
      expect(counters).toMatchObject({ received: 1, recorded: 1, duplicates: 0 });
      expect(row).toMatchObject({ attempts: 1, lease_until: null, remote_id: remote?.id });
      expect(row.sent_at).toBeInstanceOf(Date);
      expect(row.decided_at).toBeInstanceOf(Date);
      if (row.certificate_id === rejected) {
        expect(row).toMatchObject({
          state: 'rejected',
          rejection_reason: 'data_mismatch',
          rejection_fields: ['fullName'],
        });
        expect(remote).toMatchObject({ status: 'rejected', reason: 'data_mismatch' });
      } else {
        expect(row).toMatchObject({ state: 'confirmed', last_error: null });
        expect(remote?.status).toBe('accepted');
      }
    }
    expectRecordedOnce(
      { ...inspection, records: inspection.records.filter((r) => r.status === 'accepted') },
      confirmedIds,
    );

    // The record describes the certificate as issued.
    const { rows: certificates } = await db.query<{
      id: string;
      serial: string;
      title: string;
      completed_at: Date;
      learner_name: string;
      slug: string;
    }>(
      `SELECT c.id, c.serial, c.title, c.completed_at, c.learner_name, co.slug
         FROM certificates c JOIN courses co ON co.id = c.course_id`,
    );
    expect(certificates).toHaveLength(15);
    const base = config();
    for (const certificate of certificates) {
      const remote = inspection.records.find(
        (r) => r.idempotencyKey === attestationIdempotencyKey(certificate.id),
      );
      const person = VNEID_TEST_CITIZENS.find((c) => remote?.record['citizenId'] === c.citizenId);
      expect(remote?.record).toMatchObject({
        fullName: certificate.learner_name,
        birthDate: person?.birthDate,
        courseTitle: certificate.title,
        certificateSerial: certificate.serial,
        issuer: base.CERTIFICATE_ISSUER_NAME,
      });
      expect(Date.parse(remote?.record['completedAt'] ?? '')).toBe(certificate.completed_at.getTime());
      const code = remote?.record['courseCode'] ?? '';
      if (certificate.slug.length <= 64) expect(code).toBe(certificate.slug);
      else expect(code).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    }
    const skillRecord = inspection.records.find(
      (r) => r.idempotencyKey === attestationIdempotencyKey(skill.certificateId),
    )?.record;
    expect(skillRecord).toMatchObject({
      courseCode: 'KNS-TEST-01',
      courseTitle: programme.title,
      completedAt: '2025-11-20T05:00:00.000Z', // noon in Vietnam on the assessment day
    });
    // Two courses whose slugs share their first 64 characters stay two courses for VNeID.
    const longCodes = long.map(
      (id) =>
        inspection.records.find((r) => r.idempotencyKey === attestationIdempotencyKey(id))?.record[
          'courseCode'
        ],
    );
    expect(new Set(longCodes).size).toBe(2);

    // Nothing is due any more: another run sends nothing.
    expect(await push(base)).toMatchObject({
      confirmed: 0,
      rejected: 0,
      retried: 0,
      deadLettered: 0,
      released: 0,
    });
    expect((await sim.inspect()).totals.requests).toBe(inspection.totals.requests);
  });

  it('with 30 % errors (some after VNeID stored the record) and rate limits, every attestation ends confirmed, recorded exactly once', async () => {
    await sim.faults({
      errorRate: 0.3,
      rateLimitRate: 0.05,
      retryAfterSeconds: 1,
      afterCommitShare: 0.5,
      seed: 20261207,
    });
    const ids = await certify(40);
    // A breaker that never opens here: every failure is then an attempt, and attempts match requests.
    await pushingWorker({ ATTESTATION_MAX_ATTEMPTS: '100', ATTESTATION_BREAKER_THRESHOLD: '1000' });
    await waitFor(settled, 25_000, 'every attestation decided');

    expect(await states()).toEqual({ confirmed: 40 });
    const inspection = await sim.inspect();
    expectRecordedOnce(inspection, ids);
    const faults = inspection.keys.reduce((sum, key) => sum + key.faults, 0);
    const duplicates = inspection.keys.reduce((sum, key) => sum + key.duplicates, 0);
    expect(faults).toBeGreaterThan(5); // the faults did strike…
    expect(duplicates).toBeGreaterThan(0); // …some after the record was stored: the retry was a duplicate
    const rows = await attestations();
    // Every request VNeID received was an attempt we counted, and nothing more.
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(inspection.totals.requests);
    expect(rows.some((row) => row.attempts > 1)).toBe(true);
  });

  it('honours Retry-After: a rate-limited attestation is not tried again before VNeID said, though runs come every second', async () => {
    await sim.faults({ rateLimitRate: 1, retryAfterSeconds: 3 });
    const [id] = await certify(1);
    await pushingWorker();
    await waitFor(
      async () => (await attestations())[0]?.last_error != null,
      5000,
      'the first attempt answered',
    );
    await sim.faults({});
    const [first] = await attestations();
    expect(first).toMatchObject({ state: 'sent', last_error: expect.stringMatching(/^RATE_LIMITED/) });
    expect(first.next_attempt_at.getTime() - (first.sent_at?.getTime() ?? 0)).toBeGreaterThanOrEqual(2900);

    await waitFor(settled, 10_000, 'the attestation decided');
    const [row] = await attestations();
    // One more attempt, made when VNeID allowed it and not before.
    expect(row).toMatchObject({ state: 'confirmed', attempts: 2 });
    expect(row.decided_at?.getTime()).toBeGreaterThanOrEqual(first.next_attempt_at.getTime());
    expect((await sim.inspect()).keys).toEqual([
      expect.objectContaining({ idempotencyKey: attestationIdempotencyKey(id), received: 2, recorded: 1 }),
    ]);
  });

  it('during a full outage the circuit breaker stops the calls (attempts stay low); after it every attestation is confirmed', async () => {
    const ids = await certify(20);
    // Maintenance with Retry-After 0: only the breaker, not a Retry-After pause, can hold the calls back.
    await sim.faults({ maintenance: true, retryAfterSeconds: 0 });
    const threshold = 3;
    const concurrency = 2;
    await pushingWorker({
      ATTESTATION_BREAKER_THRESHOLD: String(threshold),
      ATTESTATION_BREAKER_COOLDOWN_MS: '300',
      ATTESTATION_CONCURRENCY: String(concurrency),
      ATTESTATION_MAX_ATTEMPTS: '5',
    });
    const attempted = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT coalesce(sum(attempts), 0)::int AS n FROM certificate_attestations',
        )
      ).rows[0].n;
    const faulted = async () => (await sim.inspect()).keys.reduce((sum, key) => sum + key.faults, 0);
    // Let the outage last long enough for several half-open probes (cool-down 300 ms).
    await waitFor(
      async () => (await faulted()) >= threshold + concurrency + 4,
      10_000,
      'probes during the outage',
    );

    // Without the breaker, 20 rows retried every ~50 ms would be dead letters by now (5 tries each).
    const duringOutage = await attempted();
    expect(duringOutage).toBeLessThanOrEqual(threshold + concurrency);
    // The probes reached VNeID but cost their rows no attempt.
    expect(await faulted()).toBeGreaterThan(duringOutage + 2);
    expect(await states()).not.toHaveProperty('failed');

    await sim.faults({});
    await waitFor(settled, 20_000, 'every attestation decided after the outage');
    expect(await states()).toEqual({ confirmed: 20 });
    const rows = await attestations();
    expect(Math.max(...rows.map((row) => row.attempts))).toBeLessThanOrEqual(2);
    expectRecordedOnce(await sim.inspect(), ids);
  });

  it('a permanent failure (a key VNeID does not trust) is a dead letter at once; after the fix, an admin retry confirms it', async () => {
    const ids = await certify(4);
    const stranger = await generateAttestationKeyPair();
    const wrongKey = await pushingWorker(
      { VNEID_ATTESTATION_SIGNING_KEY: JSON.stringify(stranger.privateJwk) },
      false,
    );
    expect(await push(wrongKey)).toMatchObject({ deadLettered: 4, retried: 0, confirmed: 0 });
    for (const row of await attestations()) {
      expect(row).toMatchObject({ state: 'failed', attempts: 1, lease_until: null });
      expect(row.last_error).toMatch(/^NOT_TRUSTED: .*UNKNOWN_KEY/);
      expect(row.sent_at).toBeInstanceOf(Date);
    }
    let inspection = await sim.inspect();
    expect(inspection.totals).toMatchObject({ records: 0, requests: 4 });
    await Promise.all(running.splice(0).map((app) => app.close()));

    // The key is fixed; dead letters still wait for an admin.
    const fixed = await pushingWorker({}, false);
    expect(await push(fixed)).toMatchObject({ confirmed: 0, deadLettered: 0 });
    expect((await sim.inspect()).totals.requests).toBe(4);
    await adminRetry();
    expect(await push(fixed)).toMatchObject({ confirmed: 4 });
    expect(await states()).toEqual({ confirmed: 4 });
    inspection = await sim.inspect();
    expectRecordedOnce(inspection, ids);
    expect((await attestations()).every((row) => row.attempts === 1)).toBe(true);
  });

  it('a retryable failure that outlasts ATTESTATION_MAX_ATTEMPTS is a dead letter; once VNeID is back, an admin retry confirms it', async () => {
    await sim.faults({ errorRate: 1, afterCommitShare: 0 });
    const ids = await certify(3);
    await pushingWorker({ ATTESTATION_MAX_ATTEMPTS: '2', ATTESTATION_BREAKER_THRESHOLD: '1000' });
    await waitFor(settled, 10_000, 'every attestation dead-lettered');
    for (const row of await attestations()) {
      expect(row).toMatchObject({ state: 'failed', attempts: 2, lease_until: null });
      expect(row.last_error).toMatch(/^(SERVER_ERROR|UNAVAILABLE): /);
    }
    const inspection = await sim.inspect();
    expect(inspection.totals).toMatchObject({ records: 0, requests: 6 });

    await sim.faults({});
    await adminRetry();
    await waitFor(settled, 10_000, 'every attestation decided after the retry');
    expect(await states()).toEqual({ confirmed: 3 });
    expect((await attestations()).every((row) => row.attempts === 1)).toBe(true);
    expectRecordedOnce(await sim.inspect(), ids);
  });

  it('an attestation whose answer was lost is confirmed with the record VNeID already has, even after the issuer name was changed', async () => {
    // VNeID stores the record, then fails: the push knows nothing, the row waits for its retry.
    await sim.faults({ errorRate: 1, afterCommitShare: 1 });
    const ids = await certify(2);
    const before = await pushingWorker(
      { ATTESTATION_BACKOFF_BASE_MS: '60000', ATTESTATION_BACKOFF_MAX_MS: '600000' },
      false,
    );
    expect(await push(before)).toMatchObject({ retried: 2 });
    expect((await sim.inspect()).totals.records).toBe(2);
    await Promise.all(running.splice(0).map((app) => app.close()));
    await db.query('UPDATE certificate_attestations SET next_attempt_at = now()'); // the backoff has passed

    // An operator corrects the issuer's name in the configuration before the retry.
    await sim.faults({});
    const after = await pushingWorker(
      { CERTIFICATE_ISSUER_NAME: 'Sở Khoa học và Công nghệ Điện Biên' },
      false,
    );
    expect(await push(after)).toMatchObject({ confirmed: 2, deadLettered: 0 });
    expect(await states()).toEqual({ confirmed: 2 });
    const inspection = await sim.inspect();
    expectRecordedOnce(inspection, ids);
    expect(inspection.keys.every((key) => key.duplicates === 1 && key.conflicts === 0)).toBe(true);
  });

  it('ReconcileAttestations fixes drift: a lost answer or a dead letter VNeID has → confirmed, a confirmation VNeID lost → sent again, a later-verified learner → queued', async () => {
    const workerConfig = await pushingWorker(
      { ATTESTATION_BACKOFF_BASE_MS: '60000', ATTESTATION_BACKOFF_MAX_MS: '600000' },
      false,
    );
    // Confirmed, then VNeID forgets it (restored from an older backup).
    const forgotten = await certify(2);
    expect(await push(workerConfig)).toMatchObject({ confirmed: 2 });
    await sim.reset();
    // Stored by VNeID, answers lost: one waits for its retry (sent), one ran out of tries (failed).
    await sim.faults({ errorRate: 1, afterCommitShare: 1 });
    const [lost, gaveUp] = await certify(2);
    expect(await push(workerConfig)).toMatchObject({ retried: 2 });
    await db.query(`UPDATE certificate_attestations SET state = 'failed' WHERE certificate_id = $1`, [
      gaveUp,
    ]);
    // Sent, but it never arrived (the worker died before the request left): left to the push.
    await sim.faults({});
    const [neverArrived] = await certify(1);
    await db.query(
      `UPDATE certificate_attestations SET state = 'sent', attempts = 1 WHERE certificate_id = $1`,
      [neverArrived],
    );
    // Issued while level 1, verified in person since: no attestation row yet.
    const [later] = await certify(1, [verifiedLater]);
    await db.query('UPDATE users SET identity_level = 2 WHERE id = $1', [verifiedLater]);
    expect(
      await db.query('SELECT 1 FROM certificate_attestations WHERE certificate_id = $1', [later]),
    ).toMatchObject({
      rowCount: 0,
    });

    // While VNeID is down, reconciliation stops and changes nothing.
    await sim.faults({ maintenance: true, retryAfterSeconds: 0 });
    const snapshot = await attestations();
    expect(await reconcile(workerConfig)).toEqual({ checked: 0, fixed: 0, queued: 1, interrupted: true });
    expect(await attestations()).toHaveLength(snapshot.length + 1); // only the missing row was queued
    await sim.faults({});

    const requestsBefore = (await sim.inspect()).totals.requests;
    expect(await reconcile(workerConfig)).toEqual({ checked: 5, fixed: 4, queued: 0, interrupted: false });
    const byId = new Map((await attestations()).map((row) => [row.certificate_id, row]));
    const inspection = await sim.inspect();
    for (const id of [lost, gaveUp]) {
      const remote = inspection.records.find((r) => r.idempotencyKey === attestationIdempotencyKey(id));
      expect(byId.get(id)).toMatchObject({ state: 'confirmed', remote_id: remote?.id, last_error: null });
    }
    for (const id of forgotten) expect(byId.get(id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(byId.get(neverArrived)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(byId.get(later)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(inspection.totals.requests).toBe(requestsBefore); // reconciling only asks, it never submits

    // The push sends what reconciliation handed back; VNeID ends with one record per certificate.
    expect(await push(workerConfig)).toMatchObject({ confirmed: 4, retried: 0 });
    expect(await states()).toEqual({ confirmed: 6 });
    expectRecordedOnce(await sim.inspect(), [...forgotten, lost, gaveUp, neverArrived, later]);
  });

  it('a batch that outlasts its lease is not sent twice by the runs that lease its rows again', async () => {
    await sim.faults({ latencyMs: 700 });
    const ids = await certify(9);
    // One call at a time, 700 ms each: the batch of 9 takes ~6 s, its 5 s lease lapses half-way while
    // the next scheduled runs (every second, two at a time) look for due rows.
    await pushingWorker({
      ATTESTATION_LEASE_SECONDS: '5',
      ATTESTATION_CONCURRENCY: '1',
      WORKER_CONCURRENCY: '2',
    });
    await waitFor(settled, 20_000, 'every attestation decided');
    expect(await states()).toEqual({ confirmed: 9 });
    const inspection = await sim.inspect();
    expectRecordedOnce(inspection, ids);
    expect(inspection.keys.map((key) => key.received)).toEqual(ids.map(() => 1));
    expect((await attestations()).every((row) => row.attempts === 1)).toBe(true);
  });

  it('a worker shut down (as on SIGTERM) while VNeID keeps failing stops within seconds and leaves no row leased; the next worker confirms them', async () => {
    await sim.faults({ errorRate: 1, afterCommitShare: 0 });
    const ids = await certify(6);
    const failing = await startTestWorker(
      config({
        ATTESTATION_MAX_ATTEMPTS: '100',
        ATTESTATION_BREAKER_THRESHOLD: '1000',
        ATTESTATION_BACKOFF_MAX_MS: '200',
        WORKER_SHUTDOWN_GRACE_SECONDS: '10',
      }),
      { jobs: testJobTable({ pushEverySecond: true }) },
    );
    const attempts = async () => (await attestations()).reduce((sum, row) => sum + row.attempts, 0);
    // Short backoffs keep a run busy (it waits for rows due within 2 s, up to its 50 s budget).
    await waitFor(async () => (await attempts()) >= 12, 10_000, 'retries under way');
    const started = Date.now();
    await failing.close();
    expect(Date.now() - started).toBeLessThan(3000);
    const { rows } = await db.query(
      'SELECT 1 FROM certificate_attestations WHERE lease_until > now() OR state NOT IN ($1)',
      ['sent'],
    );
    expect(rows).toEqual([]); // every row handed back at once, none waits for a lease to lapse

    await sim.faults({});
    await pushingWorker();
    await waitFor(settled, 10_000, 'every attestation decided');
    expect(await states()).toEqual({ confirmed: 6 });
    expectRecordedOnce(await sim.inspect(), ids);
  });

  it('a worker that issues and pushes, killed (SIGKILL) half-way through the push: the next one finishes — one certificate per completion, each attested exactly once', async () => {
    await sim.faults({ latencyMs: 300 });
    const crashEnv = {
      ...sim.workerEnv(),
      ATTESTATION_LEASE_SECONDS: '5',
      ATTESTATION_CONCURRENCY: '4',
      ATTESTATION_BACKOFF_BASE_MS: '50',
    };
    const crashConfig = config(crashEnv);
    const events: CourseCompletedEvent[] = [];
    for (let i = 0; i < 8; i += 1) {
      const course = await fixtures.course();
      for (const user of matching) events.push(await fixtures.completion(user, course));
    }
    const courseEvents = producer(crashConfig, JOBS[JobName.CourseCompleted].queue);
    try {
      await courseEvents.queue.addBulk(
        events.map((event) => ({
          name: JobName.CourseCompleted,
          data: event,
          opts: { jobId: `event-${randomUUID()}` },
        })),
      );
      const doomed = await startWorkerProcess(crashConfig, {
        ...crashEnv,
        TEST_PUSH_EVERY_SECOND: '1',
        TEST_LOCK_MS: '1500',
      });
      // Killed once some attestations are confirmed and others are on their way to VNeID.
      await waitFor(
        async () => {
          const now = await states();
          return (now['confirmed'] ?? 0) >= 8 && (now['sent'] ?? 0) > 0;
        },
        30_000,
        'the push half-way',
      );
      await doomed.kill();
      const atCrash = await attestations();
      const inFlight = atCrash.filter((row) => row.state === 'sent').map((row) => row.certificate_id);
      expect(inFlight.length).toBeGreaterThan(0);
      expect(atCrash.filter((row) => row.state === 'confirmed').length).toBeLessThan(events.length);

      running.push(
        await startTestWorker(crashConfig, {
          jobs: testJobTable({ pushEverySecond: true }),
          tuning: { lockDuration: 1500, stalledInterval: 500, maxStalledCount: 5 },
        }),
      );
      const enrolments = events.map((event) => event.enrolmentId);
      await waitFor(
        async () =>
          (
            await db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM certificates c JOIN certificate_attestations a ON a.certificate_id = c.id
                WHERE c.enrolment_id = ANY($1::uuid[]) AND a.state = 'confirmed'`,
              [enrolments],
            )
          ).rows[0].n === events.length,
        30_000,
        'every certificate issued and attested',
      );
      const { rows } = await db.query<{ id: string; enrolment: string }>(
        'SELECT id, enrolment_id AS enrolment FROM certificates WHERE enrolment_id = ANY($1::uuid[])',
        [enrolments],
      );
      expect(rows.map((row) => row.enrolment).sort()).toEqual([...enrolments].sort()); // one each, none twice
      expect(await states()).toEqual({ confirmed: events.length });
      const inspection = await sim.inspect();
      expectRecordedOnce(
        inspection,
        rows.map((row) => row.id),
      );
      // The requests in flight at the crash reached VNeID; their resend was answered "duplicate".
      expect(inspection.keys.reduce((sum, key) => sum + key.duplicates, 0)).toBeGreaterThan(0);
      const after = new Map((await attestations()).map((row) => [row.certificate_id, row]));
      for (const id of inFlight) expect(after.get(id)?.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await courseEvents.close();
    }
  }, 60_000);
});

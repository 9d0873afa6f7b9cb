import { VNEID_TEST_CITIZENS } from '@hocvu/attestation/testing';
import {
  attestationIdempotencyKey,
  certificateUrls,
  CourseCompletedEvent,
  courseCompletedKey,
  JobName,
  JOBS,
  OutboxEventType,
} from '@hocvu/contracts';
import {
  type ConfiguredIssuer,
  createStatusListCredential,
  loadConfiguredIssuer,
  verifyCertificateCredential,
} from '@hocvu/credentials';
import { createTestResources, dropTestResources, TestResources } from '@hocvu/server-kit/testing';
import { INestApplicationContext } from '@nestjs/common';
import { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see data-source-options.ts)
import { MIGRATIONS } from '../../../../../migrations';
import {
  type AttestationRow,
  CertificateFixtures,
  type CertificateRow,
  testJobTable,
} from '../../../test/certificate-fixtures';
import { producer, startTestWorker, testWorkerConfig, waitFor } from '../../../test/test-worker';
import { startWorkerProcess } from '../../../test/worker-process';
import { WorkerConfig } from '../../config/worker-config';
import { OUTBOX_CHANNEL } from '../outbox/outbox-relay.service';
import { CertificateIssuer, IssueOutcome } from './certificate-issuer.service';

const citizen = (name: string) => {
  const found = VNEID_TEST_CITIZENS.find((c) => c.fullName === name);
  if (!found) throw new Error(`no test citizen ${name}`);
  return found;
};
const SERIAL = /^DB-(\d{4})-(\d{6,})$/;

/**
 * Certificate issuance against real PostgreSQL and Redis, in a database of its own (its assertions
 * count every certificate, and other specs' workers would issue from the shared one).
 */
describe('Certificate issuance (integration)', () => {
  let resources: TestResources;
  let db: Client;
  let config: WorkerConfig;
  let fixtures: CertificateFixtures;
  let worker: INestApplicationContext;
  let courseEvents: ReturnType<typeof producer>;
  let certificateJobs: ReturnType<typeof producer>;
  let issuer: ConfiguredIssuer;
  /** Learners made once (a citizen id belongs to one account); each test gives them new courses. */
  const learners = {} as Record<'thang' | 'hoa' | 'mai' | 'ha' | 'pao' | 'phone', string>;

  beforeAll(async () => {
    resources = await createTestResources('certs', MIGRATIONS);
    db = new Client({ connectionString: resources.databaseUrl });
    await db.connect();
    config = testWorkerConfig({
      DATABASE_URL: resources.databaseUrl,
      REDIS_PREFIX: resources.redisPrefix,
      WORKER_CONCURRENCY: '8',
      // Attestations are the other spec's subject: here their rows just wait as pending.
      VNEID_ATTESTATION_URL: '',
    });
    fixtures = new CertificateFixtures(db, config);
    issuer = await loadConfiguredIssuer({
      publicUrl: config.PUBLIC_URL,
      signingKey: config.CERTIFICATE_SIGNING_KEY,
    });
    learners.thang = await fixtures.learner({ citizen: citizen('Lò Văn Thắng') });
    learners.hoa = await fixtures.learner({ citizen: citizen('Quàng Thị Hoa') });
    learners.mai = await fixtures.learner({ citizen: citizen('Vừ Thị Mai') });
    learners.ha = await fixtures.learner({ citizen: citizen('Nguyễn Thị Thu Hà') });
    learners.pao = await fixtures.learner({ citizen: citizen('Giàng A Pao'), identityLevel: 1 });
    learners.phone = await fixtures.learner();
    worker = await startTestWorker(config, { jobs: testJobTable() });
    courseEvents = producer(config, JOBS[JobName.CourseCompleted].queue);
    courseEvents.queue.setMaxListeners(100); // each waitUntilFinished listens for the queue closing
    certificateJobs = producer(config, JOBS[JobName.ReconcileCertificates].queue);
  }, 60_000);

  afterAll(async () => {
    await courseEvents?.close();
    await certificateJobs?.close();
    await worker?.close();
    await db?.end();
    if (resources && !process.env['HOCVU_KEEP_TEST_DB']) await dropTestResources(resources);
  });

  const certificateOf = async (column: 'enrolment_id' | 'batch_item_id', id: string) => {
    const { rows } = await db.query<CertificateRow>(`SELECT * FROM certificates WHERE ${column} = $1`, [id]);
    expect(rows.length).toBeLessThanOrEqual(1);
    return rows[0];
  };
  const attestationOf = async (certificateId: string) =>
    (
      await db.query<AttestationRow>('SELECT * FROM certificate_attestations WHERE certificate_id = $1', [
        certificateId,
      ])
    ).rows;

  /** Verifies as the API does: our DID document, and a status list signed by us with `revoked` set. */
  const verify = (credential: unknown, revoked: number[] = []) =>
    verifyCertificateCredential(credential, {
      resolveDidDocument: (did) => (did === issuer.did ? issuer.document : undefined),
      fetchStatusList: (url) =>
        createStatusListCredential({ id: url, issuer: issuer.did, revokedIndexes: revoked }, issuer.key),
    });

  /** The year and dates as the province counts them. */
  const vietnam = async () =>
    (
      await db.query<{ year: number; yesterday: string; today: string; tomorrow: string }>(
        `SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year,
                to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1, 'YYYY-MM-DD') AS yesterday,
                to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS today,
                to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 1, 'YYYY-MM-DD') AS tomorrow`,
      )
    ).rows[0];

  const completeEvent = (event: CourseCompletedEvent) =>
    courseEvents.queue.add(JobName.CourseCompleted, event, { jobId: `event-${randomUUID()}` });

  it('a CourseCompleted job issues one signed certificate with the right facts; only an identity-verified (level 2) learner gets an attestation row', async () => {
    const course = await fixtures.course({ title: 'Cài đặt và sử dụng VNeID' });
    const cases = [
      { user: learners.thang, name: 'Lò Văn Thắng', attested: true },
      { user: learners.pao, name: 'Giàng A Pao', attested: false },
      { user: learners.phone, name: 'Nguyễn Văn Học', attested: false },
    ];
    const events: CourseCompletedEvent[] = [];
    for (const c of cases) events.push(await fixtures.completion(c.user, course, '2 hours'));
    const jobs = await Promise.all(events.map(completeEvent));
    const outcomes = await Promise.all(jobs.map((job) => job.waitUntilFinished(courseEvents.events, 20_000)));
    const { year } = await vietnam();

    const serials = new Set<string>();
    for (const [index, event] of events.entries()) {
      const row = await certificateOf('enrolment_id', event.enrolmentId);
      expect(outcomes[index]).toEqual({ outcome: 'issued', certificateId: row?.id, serial: row?.serial });
      if (!row) throw new Error('no certificate');
      serials.add(row.serial);
      expect(row.serial).toMatch(SERIAL);
      expect(Number(SERIAL.exec(row.serial)?.[1])).toBe(year);
      expect(row).toMatchObject({
        kind: 'course',
        enrolment_id: event.enrolmentId,
        batch_item_id: null,
        user_id: cases[index].user,
        course_id: course.courseId,
        skill_programme_id: null,
        learner_name: cases[index].name,
        title: course.title, // the published version's title, not the draft's
        status_list: 1,
      });
      expect(row.completed_at.toISOString()).toBe(event.completedAt);

      // The stored credential is the certificate of record: it verifies and names the same facts.
      const result = await verify(row.credential);
      expect(result.problems).toEqual([]);
      expect(result.status).toBe('valid');
      const credential = result.credential;
      expect(Date.parse(credential?.validFrom ?? '')).toBe(Date.parse(event.completedAt));
      expect(credential?.credentialSubject.licenseNumber).toBe(row.serial);
      expect(credential?.credentialSubject.identifier[0]).toMatchObject({ identityHash: cases[index].name });
      expect(credential?.credentialSubject.achievement).toMatchObject({
        name: course.title,
        humanCode: course.slug,
      });
      expect(credential?.credentialStatus).toMatchObject({
        statusListCredential: certificateUrls.statusList(config.PUBLIC_URL, row.status_list),
        statusListIndex: String(row.status_index),
      });
      expect(credential?.id).toBe(certificateUrls.verification(config.PUBLIC_URL, row.serial));
      // Its bit is the one the row names: revoking that index revokes this certificate.
      expect((await verify(row.credential, [row.status_index])).status).toBe('revoked');
      const edited = { ...row.credential, validFrom: '2020-01-01T00:00:00Z' };
      expect((await verify(edited)).problems.map((p) => p.code)).toEqual(['SIGNATURE_INVALID']);

      const attestations = await attestationOf(row.id);
      if (cases[index].attested) {
        expect(attestations).toEqual([
          expect.objectContaining({
            idempotency_key: attestationIdempotencyKey(row.id),
            state: 'pending',
            attempts: 0,
            sent_at: null,
          }),
        ]);
      } else {
        expect(attestations).toEqual([]);
      }
    }
    expect(serials.size).toBe(3);

    // The same event again (a redelivery under another job id) finds the certificate and adds nothing.
    const again = await completeEvent(events[0]);
    const first = await certificateOf('enrolment_id', events[0].enrolmentId);
    expect(await again.waitUntilFinished(courseEvents.events, 20_000)).toEqual({
      outcome: 'exists',
      certificateId: first?.id,
      serial: first?.serial,
    });
    const { rows } = await db.query('SELECT count(*)::int AS n FROM certificates WHERE course_id = $1', [
      course.courseId,
    ]);
    expect(rows[0].n).toBe(3);
  });

  it('a completion committed with its outbox event (as @hocvu/progress writes it) gets its certificate through the relay', async () => {
    const course = await fixtures.course();
    const event = await fixtures.completion(learners.hoa, course);
    await db.query('BEGIN');
    await db.query(`INSERT INTO outbox_events (type, dedupe_key, payload) VALUES ($1, $2, $3)`, [
      OutboxEventType.CourseCompleted,
      courseCompletedKey(event.enrolmentId),
      JSON.stringify(event),
    ]);
    await db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    await db.query('COMMIT');
    await waitFor(
      async () => (await certificateOf('enrolment_id', event.enrolmentId)) !== undefined,
      10_000,
      'the certificate issued',
    );
    const row = await certificateOf('enrolment_id', event.enrolmentId);
    expect(row).toMatchObject({ kind: 'course', user_id: learners.hoa, course_id: course.courseId });
    expect(await attestationOf(row?.id ?? '')).toHaveLength(1);
  });

  it('duplicate CourseCompleted events handled at the same time (jobs and direct calls) issue one certificate per enrolment, without an error', async () => {
    const course = await fixtures.course();
    const users = [learners.ha, learners.mai, learners.phone, learners.pao];
    const events: CourseCompletedEvent[] = [];
    for (const user of users) events.push(await fixtures.completion(user, course));
    const before = await serialsTaken();
    const jobs = await courseEvents.queue.addBulk(
      events.flatMap((event) =>
        Array.from({ length: 6 }, () => ({
          name: JobName.CourseCompleted,
          data: event,
          opts: { jobId: `event-${randomUUID()}` },
        })),
      ),
    );
    const service = worker.get(CertificateIssuer);
    const direct = events.flatMap((event) =>
      Array.from({ length: 3 }, () => ({ event, outcome: service.issueForEnrolment(event.enrolmentId) })),
    );
    const fromJobs = await Promise.all(
      jobs.map(async (job: Job) => ({
        event: job.data as CourseCompletedEvent,
        outcome: (await job.waitUntilFinished(courseEvents.events, 30_000)) as IssueOutcome,
      })),
    );
    const fromCalls = await Promise.all(
      direct.map(async (d) => ({ event: d.event, outcome: await d.outcome })),
    );

    for (const event of events) {
      const row = await certificateOf('enrolment_id', event.enrolmentId);
      if (!row) throw new Error('no certificate');
      const outcomes = [...fromJobs, ...fromCalls].filter((o) => o.event.enrolmentId === event.enrolmentId);
      expect(outcomes).toHaveLength(9);
      // Exactly one handler issued it; every other one reports that very certificate.
      expect(outcomes.filter((o) => o.outcome.outcome === 'issued')).toHaveLength(1);
      for (const { outcome } of outcomes) {
        expect(outcome).toEqual({
          outcome: expect.stringMatching(/^(issued|exists)$/),
          certificateId: row.id,
          serial: row.serial,
        });
      }
      const attestations = await attestationOf(row.id);
      expect(attestations).toHaveLength([learners.ha, learners.mai].includes(event.userId) ? 1 : 0);
    }
    expect(await courseEvents.queue.getJobCounts('failed')).toEqual({ failed: 0 });
    // The race did happen: losers signed too (and their serial numbers were skipped).
    expect((await serialsTaken()) - before).toBeGreaterThan(events.length);
  });

  it('an approved batch issues one skill certificate per item, once; a pending or rejected batch issues none', async () => {
    const programme = await fixtures.skillProgramme();
    const { yesterday, today, tomorrow } = await vietnam();
    // Assessed today: before noon in Vietnam, "noon of the assessment day" is still ahead. Tomorrow (the
    // API takes any date) makes that case independent of the hour the test runs.
    const approved = await fixtures.batch(programme, 'approved', [
      [learners.hoa, yesterday],
      [learners.phone, today],
      [learners.pao, tomorrow],
    ]);
    const pending = await fixtures.batch(programme, 'pending', [[learners.thang, yesterday]]);
    const rejected = await fixtures.batch(programme, 'rejected', [[learners.mai, yesterday]]);

    const run = async (batchId: string) =>
      (
        await courseEvents.queue.add(
          JobName.CertificateBatchApproved,
          { batchId },
          { jobId: `event-${randomUUID()}` },
        )
      ).waitUntilFinished(courseEvents.events, 20_000);
    expect(await run(approved.batchId)).toEqual({ issued: 3, total: 3 });
    expect(await run(pending.batchId)).toEqual({ issued: 0, total: 1 });
    expect(await run(rejected.batchId)).toEqual({ issued: 0, total: 1 });
    expect(await run(approved.batchId)).toEqual({ issued: 0, total: 3 });

    for (const [index, itemId] of approved.itemIds.entries()) {
      const row = await certificateOf('batch_item_id', itemId);
      if (!row) throw new Error('no certificate');
      expect(row).toMatchObject({
        kind: 'skill',
        enrolment_id: null,
        course_id: null,
        skill_programme_id: programme.id,
        title: programme.title,
        user_id: [learners.hoa, learners.phone, learners.pao][index],
      });
      expect(row.serial).toMatch(SERIAL);
      const result = await verify(row.credential);
      expect(result.problems).toEqual([]);
      expect(result.credential?.credentialSubject.achievement).toMatchObject({
        humanCode: programme.code,
        id: certificateUrls.skillAchievement(config.PUBLIC_URL, programme.code),
      });
      // Certified from noon (Vietnam) of the assessment day, but never from later than its issuance.
      const noon = Date.parse(`${[yesterday, today, tomorrow][index]}T12:00:00+07:00`);
      const validFrom = Date.parse(result.credential?.validFrom ?? '');
      expect(validFrom).toBe(Math.min(noon, row.issued_at.getTime()));
      expect(row.completed_at.getTime()).toBe(validFrom);
      expect(await attestationOf(row.id)).toHaveLength(row.user_id === learners.hoa ? 1 : 0);
    }
    for (const itemId of [...pending.itemIds, ...rejected.itemIds]) {
      expect(await certificateOf('batch_item_id', itemId)).toBeUndefined();
    }
  });

  it('ReconcileCertificates issues for completions and approved batches left without a certificate for a while, not for recent ones', async () => {
    const course = await fixtures.course();
    const old = await fixtures.completion(learners.mai, course, '1 hour');
    const recent = await fixtures.completion(learners.thang, course);
    const programme = await fixtures.skillProgramme();
    const { yesterday } = await vietnam();
    const lostBatch = await fixtures.batch(programme, 'approved', [[learners.ha, yesterday]], '1 hour');
    const recentBatch = await fixtures.batch(programme, 'approved', [[learners.hoa, yesterday]]);

    const run = async () =>
      (
        await certificateJobs.queue.add(JobName.ReconcileCertificates, {
          olderThanMinutes: 10,
          batchSize: 500,
        })
      ).waitUntilFinished(certificateJobs.events, 20_000);
    expect(await run()).toEqual({ enrolments: 1, batchItems: 1 });
    const oldCertificate = await certificateOf('enrolment_id', old.enrolmentId);
    expect(oldCertificate).toMatchObject({ kind: 'course', user_id: learners.mai });
    expect(await attestationOf(oldCertificate?.id ?? '')).toHaveLength(1); // Mai is identity-verified
    expect(await certificateOf('batch_item_id', lostBatch.itemIds[0])).toMatchObject({
      user_id: learners.ha,
    });
    expect(await certificateOf('enrolment_id', recent.enrolmentId)).toBeUndefined();
    expect(await certificateOf('batch_item_id', recentBatch.itemIds[0])).toBeUndefined();
    expect(await run()).toEqual({ enrolments: 0, batchItems: 0 });
  });

  it('a worker killed (SIGKILL) in the middle of issuing leaves no half-issued certificate; the next worker issues exactly one per enrolment', async () => {
    // A queue of its own (Redis prefix), so the spec's worker does not take these jobs.
    const crashConfig = testWorkerConfig({
      DATABASE_URL: resources.databaseUrl,
      REDIS_PREFIX: `${resources.redisPrefix}-crash`,
      VNEID_ATTESTATION_URL: '',
    });
    const users = [learners.thang, learners.hoa, learners.pao, learners.phone];
    const events: CourseCompletedEvent[] = [];
    for (let i = 0; i < 30; i += 1) {
      const course = await fixtures.course();
      for (const user of users) events.push(await fixtures.completion(user, course));
    }
    const queue = producer(crashConfig, JOBS[JobName.CourseCompleted].queue);
    const enrolments = events.map((event) => event.enrolmentId);
    const issued = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM certificates WHERE enrolment_id = ANY($1::uuid[])',
          [enrolments],
        )
      ).rows[0].n;
    try {
      await queue.queue.addBulk(
        events.map((event) => ({
          name: JobName.CourseCompleted,
          data: event,
          opts: { jobId: `event-${randomUUID()}` },
        })),
      );
      const doomed = await startWorkerProcess(crashConfig, {
        VNEID_ATTESTATION_URL: '',
        WORKER_CONCURRENCY: '4',
        TEST_LOCK_MS: '1500',
      });
      await waitFor(async () => (await issued()) >= 10, 20_000, 'some certificates issued');
      await doomed.kill();
      const atCrash = await issued();
      expect(atCrash).toBeLessThan(events.length);
      expect((await queue.queue.getJobCounts('active')).active).toBeGreaterThan(0); // killed mid-job

      const fresh = await startTestWorker(crashConfig, {
        jobs: testJobTable(),
        tuning: { lockDuration: 1500, stalledInterval: 500, maxStalledCount: 5 },
      });
      try {
        await waitFor(
          async () => (await queue.queue.getJobCounts('completed')).completed === events.length,
          30_000,
          'every job completed',
        );
      } finally {
        await fresh.close();
      }
      expect(await queue.queue.getJobCounts('failed', 'active', 'waiting')).toMatchObject({
        failed: 0,
        active: 0,
        waiting: 0,
      });
      const { rows } = await db.query<{
        enrolment: string;
        n: number;
        attestations: number;
        level: number | null;
      }>(
        `SELECT c.enrolment_id AS enrolment, count(*)::int AS n, count(a.certificate_id)::int AS attestations,
                max(u.identity_level) AS level
           FROM certificates c JOIN users u ON u.id = c.user_id
           LEFT JOIN certificate_attestations a ON a.certificate_id = c.id
          WHERE c.enrolment_id = ANY($1::uuid[]) GROUP BY c.enrolment_id`,
        [enrolments],
      );
      expect(rows).toHaveLength(events.length);
      for (const row of rows) {
        expect(row.n).toBe(1);
        expect(row.attestations).toBe(row.level === 2 ? 1 : 0);
      }
    } finally {
      await queue.close();
    }
  }, 60_000);

  /** Serial numbers handed out so far (the sequence's position). */
  async function serialsTaken(): Promise<number> {
    const { rows } = await db.query<{ n: string; called: boolean }>(
      'SELECT last_value::text AS n, is_called AS called FROM certificate_serial_seq',
    );
    return rows[0].called ? Number(rows[0].n) : 0;
  }
});

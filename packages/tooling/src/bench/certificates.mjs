#!/usr/bin/env node
// End-to-end certificate throughput: N completed enrolments of identity-verified learners → certificates
// (signed Open Badges credential stored, attestation queued) → attestations confirmed by the VNeID
// simulator (100 ms latency by default). Everything real: a throw-away PostgreSQL database, Redis, the
// built worker (W processes) with its outbox relay, the built simulator. The PDF is not on this path: it
// is rendered on first download (see docs/performance.md). Prints certificates/s, attestations/s,
// CPU split and worker memory; asserts nothing.
// Usage (after `npx nx run-many -t build`):
//   node packages/tooling/src/bench/certificates.mjs [--count 10000] [--workers 2] [--concurrency 8]
//        [--latency-ms 100] [--attestation-concurrency 32]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ROOT } from '../lib/process.mjs';
import {
  benchDatabase,
  benchEnv,
  cpuSeconds,
  migrateBenchDatabase,
  postgresCpuSeconds,
  rssMb,
} from './bench-stack.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');
const { FieldCipher } = require(join(ROOT, 'packages/server-kit/dist/index.js'));
const { generateIssuerKey, issuerDid } = require(join(ROOT, 'packages/credentials/dist/index.js'));
const { generateAttestationKeyPair } = require(join(ROOT, 'packages/attestation/dist/index.js'));
const { generatedCitizen, startVneidSimulatorProcess } = require(
  join(ROOT, 'packages/attestation/dist/testing.js'),
);

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    'latency-ms': { type: 'string', default: '100' },
    'attestation-concurrency': { type: 'string', default: '32' },
  },
});
const count = Number(values.count);
const workerCount = Number(values.workers);

console.log(
  `Certificates end to end: ${count} completions, ${workerCount} worker processes × ${values.concurrency} jobs, ` +
    `VNeID latency ${values['latency-ms']} ms; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`,
);

const database = benchDatabase();
const publicUrl = 'https://hocvu.dienbien.gov.vn';
const attestationKeys = await generateAttestationKeyPair();
const env = {
  ...benchEnv(database.url, 3999),
  PUBLIC_URL: publicUrl,
  DATA_ENCRYPTION_ACTIVE_KEY_ID: 'k1',
  DATA_LOOKUP_KEY_ID: 'k1',
  CERTIFICATE_SIGNING_KEY: JSON.stringify(await generateIssuerKey(issuerDid(publicUrl))),
  VNEID_ATTESTATION_SIGNING_KEY: JSON.stringify(attestationKeys.privateJwk),
  WORKER_CONCURRENCY: values.concurrency,
  ATTESTATION_CONCURRENCY: values['attestation-concurrency'],
  OUTBOX_BATCH_SIZE: '500',
};
const children = [];
let simulator;
try {
  migrateBenchDatabase(ROOT, env);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const seeded = Date.now();
  await seed(db, env);
  console.log(
    `  seeded ${count} identity-verified learners with completions in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );

  simulator = await startVneidSimulatorProcess({
    fromBuild: true,
    env: {
      VNEID_SIM_LOG_LEVEL: 'warn',
      VNEID_SIM_LATENCY_MS: values['latency-ms'],
      VNEID_SIM_GENERATED_CITIZENS: String(count),
      VNEID_SIM_TRUSTED_JWKS: JSON.stringify({ keys: [attestationKeys.publicJwk] }),
    },
  });
  env.VNEID_ATTESTATION_URL = simulator.url;
  for (let index = 0; index < workerCount; index += 1) {
    children.push(
      spawn('node', ['apps/worker/dist/apps/worker/src/main.js'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 3000)); // workers connect and schedule their jobs

  const cpuBefore = { workers: workerCpu(), pg: postgresCpuSeconds() };
  const started = Date.now();
  // The completions' events, as the learning API writes them; the workers' relays pick them up on NOTIFY.
  await db.query(`
    INSERT INTO outbox_events (type, dedupe_key, payload)
    SELECT 'CourseCompleted', 'CourseCompleted:' || cc.enrolment_id,
           json_build_object('enrolmentId', cc.enrolment_id, 'userId', cc.user_id, 'courseId', cc.course_id,
                             'versionId', cc.version_id, 'completedAt', cc.completed_at, 'finalExamPercent', null)
      FROM course_completions cc`);
  await db.query(`SELECT pg_notify('hocvu_outbox', '')`);

  let certificatesDoneAt = 0;
  let peakRss = 0;
  let lastBucket = -1;
  for (;;) {
    const [{ certificates, confirmed, failed }] = (
      await db.query(`SELECT (SELECT count(*)::int FROM certificates) AS certificates,
                             (SELECT count(*)::int FROM certificate_attestations WHERE state = 'confirmed') AS confirmed,
                             (SELECT count(*)::int FROM certificate_attestations WHERE state IN ('failed', 'rejected')) AS failed`)
    ).rows;
    peakRss = Math.max(peakRss, ...children.map((child) => rssMb(child.pid)));
    const seconds = (Date.now() - started) / 1000;
    const bucket = Math.floor(seconds / 5);
    if (bucket !== lastBucket) {
      console.log(
        `  ${(bucket * 5).toString().padStart(4)} s: ${certificates} certificates, ${confirmed} confirmed, ${failed} failed/rejected`,
      );
      lastBucket = bucket;
    }
    if (!certificatesDoneAt && certificates >= count) certificatesDoneAt = Date.now();
    if (confirmed + failed >= count) break;
    if (seconds > 3600) throw new Error('gave up after an hour');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const total = (Date.now() - started) / 1000;
  const issuing = (certificatesDoneAt - started) / 1000;
  const cpu = { workers: workerCpu() - cpuBefore.workers, pg: postgresCpuSeconds() - cpuBefore.pg };
  const [{ duplicates }] = (
    await db.query(`SELECT count(*)::int - count(DISTINCT enrolment_id)::int AS duplicates FROM certificates`)
  ).rows;
  const { totals } = await (
    await fetch(`${simulator.url}/admin/attestations`, { headers: { 'x-admin-token': simulator.adminToken } })
  ).json();
  console.log(`
  certificates: ${count} in ${issuing.toFixed(1)} s = ${(count / issuing).toFixed(0)} certificates/s (duplicates: ${duplicates})
  attestations: all ${count} decided in ${total.toFixed(1)} s = ${(count / total).toFixed(0)} confirmed/s end to end
  simulator: ${totals.accepted} accepted records (one per certificate), ${totals.rejected} rejected, ${totals.requests} requests received
  CPU over the run (100 % = one core): workers ${Math.round((cpu.workers / total) * 100)} %, PostgreSQL ${Math.round((cpu.pg / total) * 100)} %
  worker RSS peak: ${peakRss.toFixed(0)} MB per process
  330,000 certificates at this rate: ${(330_000 / (count / issuing) / 60).toFixed(0)} min`);
  await db.end();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
    ),
  );
  await simulator?.stop();
  database.drop();
}

function workerCpu() {
  return children.reduce((sum, child) => sum + cpuSeconds(child.pid), 0);
}

/** N learners (generated citizens, identity level 2), one published course, N enrolments and completions. */
async function seed(db, settings) {
  const cipher = new FieldCipher(settings.DATA_ENCRYPTION_KEYS, 'k1', 'k1');
  const {
    rows: [owner],
  } = await db.query(
    `INSERT INTO users (phone, password_hash, role, full_name) VALUES ('+84911999999', '!', 'teacher', 'Lò Thị Mai') RETURNING id`,
  );
  const title = { vi: 'Sử dụng ứng dụng VNeID' };
  const {
    rows: [course],
  } = await db.query(
    `INSERT INTO courses (slug, status, owner_id, title, summary, published_version) VALUES ('su-dung-vneid', 'published', $1, $2, $3, 1) RETURNING id`,
    [owner.id, title, { vi: 'Cài đặt, kích hoạt và dùng VNeID an toàn' }],
  );
  const {
    rows: [version],
  } = await db.query(
    `INSERT INTO course_versions (course_id, version, outline) VALUES ($1, 1, $2) RETURNING id`,
    [course.id, { title, summary: { vi: 'Cài đặt, kích hoạt và dùng VNeID an toàn' } }],
  );
  for (let from = 0; from < count; from += 1000) {
    const citizens = Array.from({ length: Math.min(1000, count - from) }, (_, i) =>
      generatedCitizen(from + i),
    );
    const users = await db.query(
      `INSERT INTO users (password_hash, role, full_name, birth_date_enc, citizen_id_enc, citizen_id_hash, identity_level, identity_verified_at)
       SELECT '!vneid', 'learner', name, birth, cid, hash, 2, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(name, birth, cid, hash)
       RETURNING id`,
      [
        citizens.map((c) => c.fullName),
        citizens.map((c) => cipher.encrypt(c.birthDate)),
        citizens.map((c) => cipher.encrypt(c.citizenId)),
        citizens.map((c) => cipher.lookupHash(c.citizenId)),
      ],
    );
    const ids = users.rows.map((row) => row.id);
    await db.query(
      `WITH e AS (
         INSERT INTO enrolments (course_id, user_id, completed_at) SELECT $1, unnest($2::uuid[]), now() RETURNING id, user_id
       )
       INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id) SELECT e.id, e.user_id, $1, $3 FROM e`,
      [course.id, ids, version.id],
    );
  }
}

#!/usr/bin/env node
// Campaign dashboards at campaign scale: a province of 45 communes with 330,000 learners, 1,000,000
// enrolments and 300,000 certificates (most confirmed on VNeID), generated in SQL. Measures the refresh
// of the aggregates (RefreshCampaignStats' statements) and GET /api/campaign/dashboard for the province
// and for communes at 20 connections (p50/p97.5/p99: autocannon's percentiles; p95 lies below p97.5), with the built API,
// and the generation of a quarterly report (figures, XLSX, PDF) with the built worker code. Prints numbers; asserts nothing.
// Usage (after `npx nx run-many -t build`):
//   node packages/tooling/src/bench/campaign.mjs [--learners 330000] [--seconds 15] [--connections 20] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { API_NODE_ARGS, ROOT } from '../lib/process.mjs';
import {
  benchDatabase,
  benchEnv,
  migrateBenchDatabase,
  rssMb,
  waitForApi,
  withCpuSplit,
} from './bench-stack.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const autocannon = require('autocannon');
const { Client } = require('pg');
const { CAMPAIGN_STATS_REFRESH_SQL } = require(join(ROOT, 'packages/contracts/dist/index.js'));

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '330000' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '20' },
    // Keep the seeded database afterwards (its name is printed), to look into query plans.
    keep: { type: 'boolean', default: false },
  },
});
const learners = Number(values.learners);
const apiPort = 3393;
const database = benchDatabase();
const env = { ...benchEnv(database.url, apiPort), HOCVU_ADMIN_PASSWORD: 'benchmark2026' };
const base = `http://127.0.0.1:${apiPort}`;

console.log(
  `Campaign dashboards: ${learners.toLocaleString('en')} learners, ~${(learners * 3).toLocaleString('en')} enrolments; ` +
    `${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`,
);
let api;
try {
  migrateBenchDatabase(ROOT, env);
  cli(['import-units', '--file', 'apps/api/seed-data/dien-bien-communes.csv']);
  cli(['create-admin', '--phone', '0911999001', '--name', 'Quản trị tỉnh']);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  let started = Date.now();
  await seed(db);
  console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${await sizes(db)}`);

  started = Date.now();
  for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await db.query(statement);
  const refreshMs = Date.now() - started;
  const [{ rows }] = [await db.query(`SELECT count(*)::int AS n FROM campaign_funnel`)];
  console.log(
    `  RefreshCampaignStats statements: ${(refreshMs / 1000).toFixed(1)} s (campaign_funnel: ${rows[0].n} rows)`,
  );
  await db.query(
    `INSERT INTO campaign_stats_refreshes (id, refreshed_at, duration_ms) VALUES (1, now(), $1)`,
    [refreshMs],
  );

  api = spawn('node', [...API_NODE_ARGS, 'apps/api/dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForApi(base);
  const provinceToken = await token('0911999001');
  const communes = (
    await db.query(`SELECT id, name FROM admin_units WHERE kind IN ('commune', 'ward') ORDER BY code`)
  ).rows;
  // A commune admin of the biggest commune: same password hash as the province admin.
  await db.query(
    `INSERT INTO users (phone, password_hash, role, full_name, commune_id)
     SELECT '+84911999002', password_hash, 'commune_admin', 'Quản trị xã', $1 FROM users WHERE phone = '+84911999001'`,
    [communes[0].id],
  );
  const communeToken = await token('0911999002');
  await db.query(
    `INSERT INTO campaign_targets (year, unit_id, metric, kind, value)
     SELECT 2026, id, 'confirmed', 'count', 7000 FROM admin_units WHERE kind IN ('commune', 'ward')`,
  );

  const results = [];
  results.push(['province dashboard', await measure('/api/campaign/dashboard?year=2026', provinceToken)]);
  results.push([
    'commune dashboard (province admin, 45 communes in turn)',
    await measure(
      communes.map((commune) => `/api/campaign/dashboard?year=2026&unitId=${commune.id}`),
      provinceToken,
    ),
  ]);
  results.push([
    'commune dashboard (commune admin)',
    await measure('/api/campaign/dashboard?year=2026', communeToken),
  ]);
  console.log('');
  for (const [name, result] of results) {
    console.log(
      `  ${name.padEnd(58)} ${String(Math.round(result.requests.average)).padStart(5)} req/s  ` +
        `p50 ${result.latency.p50} ms  p97.5 ${result.latency.p97_5} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`,
    );
  }
  console.log(`  API RSS after: ${rssMb(api.pid).toFixed(0)} MB`);
  const [province] = (await db.query(`SELECT id FROM admin_units WHERE kind = 'province' LIMIT 1`)).rows;
  for (const line of await measureReports(db, province.id, communes[0].id)) console.log(line);
  await db.end();
} finally {
  api?.kill('SIGTERM');
  if (api) await new Promise((resolve) => api.once('exit', resolve));
  if (values.keep) console.log(`  kept database: ${database.url}`);
  else database.drop();
}

function cli(args) {
  const result = spawnSync('node', ['apps/api/dist/apps/api/src/cli.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cli ${args[0]}: ${result.stderr}`);
}

async function token(phone) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: phone, password: 'benchmark2026' }),
  });
  if (!response.ok) throw new Error(`login ${phone}: ${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

function measure(paths, accessToken) {
  const list = [paths].flat();
  let next = 0;
  return withCpuSplit(api.pid, () =>
    autocannon({
      url: base,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      headers: { authorization: `Bearer ${accessToken}` },
      requests: [
        {
          setupRequest: (request) => {
            request.path = list[next % list.length];
            next += 1;
            return request;
          },
        },
      ],
    }),
  );
}

async function sizes(db) {
  const { rows } =
    await db.query(`SELECT (SELECT count(*) FROM users WHERE role = 'learner')::int AS learners,
                                          (SELECT count(*) FROM enrolments)::int AS enrolments,
                                          (SELECT count(*) FROM certificates)::int AS certificates,
                                          (SELECT count(*) FROM certificate_attestations WHERE state = 'confirmed')::int AS confirmed`);
  const r = rows[0];
  return `${r.learners} learners, ${r.enrolments} enrolments, ${r.certificates} certificates, ${r.confirmed} confirmed`;
}

/** The province at campaign scale, in set-based SQL: learners spread over communes by population. */
async function seed(db) {
  await db.query(
    `INSERT INTO users (id, phone, password_hash, role, full_name) VALUES ('00000000-0000-4000-8000-000000000001', '+84911999998', '!', 'teacher', 'Lò Thị Mai')`,
  );
  await db.query(`
    INSERT INTO courses (slug, status, owner_id, title, published_version)
    SELECT 'khoa-hoc-' || i, 'published', '00000000-0000-4000-8000-000000000001', jsonb_build_object('vi', 'Khoá học ' || i), 1
      FROM generate_series(1, 8) AS i`);
  await db.query(`
    INSERT INTO course_versions (course_id, version, outline)
    SELECT id, 1, jsonb_build_object('title', title) FROM courses`);
  // Learners: commune weighted by population, one of the four groups (some unstated), a birth year.
  await db.query(
    `WITH communes AS (
       SELECT id, sum(population) OVER (ORDER BY code) AS upto, sum(population) OVER () AS total
         FROM admin_units WHERE kind IN ('commune', 'ward'))
     INSERT INTO users (phone, password_hash, role, full_name, commune_id, target_group, birth_year, created_at,
                        household_id, attributes_consented_at)
     SELECT '+849' || lpad(i::text, 8, '0'), '!', 'learner', 'Người học ' || i,
            (SELECT id FROM communes WHERE upto >= (hashint4(i) & 2147483647) % total ORDER BY upto LIMIT 1),
            (ARRAY['public_servant', 'student', 'enterprise_worker', 'citizen', 'citizen', 'citizen', NULL])[1 + i % 7],
            1945 + i % 65,
            timestamptz '2026-01-05' + make_interval(days => i % 330),
            -- Two in five consented to the optional attributes and gave a household (about three people each).
            CASE WHEN i % 5 < 2 THEN 'HK' || (i / 3) END, CASE WHEN i % 5 < 2 THEN now() END
       FROM generate_series(1, $1) AS i`,
    [learners],
  );
  // About three enrolments per learner, in distinct courses.
  await db.query(`
    INSERT INTO enrolments (course_id, user_id, enrolled_at)
    SELECT c.id, u.id, u.created_at + interval '1 day'
      FROM users u
      JOIN LATERAL (SELECT id FROM courses ORDER BY md5(u.id::text || id::text) LIMIT 1 + abs(hashtext(u.id::text)) % 5) c ON true
     WHERE u.role = 'learner'`);
  // Completions for about half of the enrolments.
  await db.query(`
    INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id, completed_at)
    SELECT e.id, e.user_id, e.course_id, v.id, e.enrolled_at + interval '7 days'
      FROM enrolments e JOIN course_versions v ON v.course_id = e.course_id
     WHERE abs(hashtext(e.id::text)) % 10 < 5`);
  // Certificates for about 300,000 of them (the first completion of most learners), most confirmed.
  await db.query(
    `INSERT INTO certificates (serial, kind, enrolment_id, user_id, course_id, learner_name, title, completed_at, issued_at,
                               status_list, status_index, credential)
     SELECT 'DB-2026-' || lpad(nextval('certificate_serial_seq')::text, 7, '0'), 'course', cc.enrolment_id, cc.user_id,
            cc.course_id, 'Người học', 'Khoá học', cc.completed_at, cc.completed_at + interval '1 minute',
            1 + n / 131072, n % 131072, '{}'::jsonb
       FROM (SELECT cc.*, (row_number() OVER ())::int - 1 AS n FROM course_completions cc) cc
      WHERE cc.n < $1`,
    [Math.round(learners * 0.91)],
  );
  await db.query(`
    INSERT INTO certificate_attestations (certificate_id, idempotency_key, state, decided_at)
    SELECT id, 'certificate:' || id, CASE WHEN abs(hashtext(id::text)) % 10 < 9 THEN 'confirmed' ELSE 'pending' END,
           issued_at + interval '1 minute'
      FROM certificates`);
  // Digital ambassadors (one per 300 learners, each with 5) and weekly community classes of ~40 per commune.
  await db.query(`UPDATE users SET ambassador = true WHERE role = 'learner' AND phone LIKE '%00'`);
  await db.query(`
    INSERT INTO ambassador_learners (ambassador_id, learner_id)
    SELECT a.id, l.id
      FROM (SELECT id, commune_id, row_number() OVER (ORDER BY id) AS n FROM users WHERE ambassador) a
      JOIN LATERAL (SELECT id FROM users l WHERE l.commune_id = a.commune_id AND NOT l.ambassador
                     ORDER BY md5(l.id::text || a.id::text) LIMIT 5) l ON true
    ON CONFLICT DO NOTHING`);
  await db.query(`
    INSERT INTO community_sessions (commune_id, title, place, starts_at)
    SELECT c.id, 'Lớp học cộng đồng tuần ' || w, 'Nhà văn hóa bản', timestamptz '2026-01-06 08:00+07' + make_interval(weeks => w)
      FROM admin_units c CROSS JOIN generate_series(0, 44) AS w WHERE c.kind IN ('commune', 'ward')`);
  await db.query(`
    INSERT INTO community_session_attendance (session_id, user_id, method)
    SELECT s.id, l.id, 'list'
      FROM community_sessions s
      JOIN LATERAL (SELECT id FROM users l WHERE l.commune_id = s.commune_id ORDER BY md5(l.id::text || s.id::text) LIMIT 40) l ON true`);
  await db.query('ANALYZE');
}

/**
 * Quarterly reports, generated in this process the way the worker's CampaignReportRequested does: the
 * figures (one grouped pass over campaign_learner_stages), the XLSX, the PDF. Built worker code.
 */
async function measureReports(db, provinceId, communeId) {
  const worker = join(ROOT, 'apps/worker/dist/apps/worker/src/jobs/reports');
  const { readCampaignReportFigures } = require(join(worker, 'campaign-report-figures.js'));
  const { renderCampaignReportXlsx } = require(join(worker, 'campaign-report-xlsx.js'));
  const { CampaignReportPdfRenderer } = require(join(worker, 'campaign-report-pdf.js'));
  const { DataSource } = require('typeorm');
  const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  const pdf = new CampaignReportPdfRenderer();
  const lines = [];
  try {
    for (const [name, unitId] of [
      ['province (45 communes)', provinceId],
      ['one commune', communeId],
    ]) {
      let at = Date.now();
      const figures = await readCampaignReportFigures(dataSource.manager, { unitId, year: 2026, quarter: 3 });
      const figuresMs = Date.now() - at;
      at = Date.now();
      const xlsx = await renderCampaignReportXlsx(figures);
      const xlsxMs = Date.now() - at;
      at = Date.now();
      const document = await pdf.render(figures);
      const pdfMs = Date.now() - at;
      lines.push(
        `  quarterly report, ${name.padEnd(22)} figures ${figuresMs} ms, XLSX ${xlsxMs} ms (${Math.round(xlsx.length / 1024)} kB), ` +
          `PDF ${pdfMs} ms (${Math.round(document.length / 1024)} kB); total ${figuresMs + xlsxMs + pdfMs} ms`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
  return lines;
}

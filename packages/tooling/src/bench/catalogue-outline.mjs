#!/usr/bin/env node
// Benchmark for the Courses issue: seeds 1,000 published courses × 10 sections × 10 lessons, then
// measures with autocannon (50 connections) catalogue search, the course page and a signed-in
// learner's course outline, next to a bare Node `http` hello-world for the ratio. Prints numbers and
// the API's peak RSS; asserts nothing. Usage (after `npx nx run-many -t build`):
//   node packages/tooling/src/bench/catalogue-outline.mjs [--seconds 10] [--connections 50] [--profile DIR]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
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

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    // Writes a V8 CPU profile of the API (open it in Chrome DevTools) into this folder.
    profile: { type: 'string' },
    // Seeds, starts the API and waits (Ctrl-C to stop), printing URLs and a token for manual probing.
    serve: { type: 'boolean', default: false },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const apiPort = 3391;
const barePort = 3392;
const db = benchDatabase();
const databaseUrl = db.url;
const env = benchEnv(databaseUrl, apiPort);

const TOPICS = [
  'Kỹ năng số cơ bản',
  'Dịch vụ công trực tuyến',
  'Thanh toán không dùng tiền mặt',
  'An toàn trên mạng',
  'Bán hàng trực tuyến 4T',
  'Sử dụng VNeID',
  'Trí tuệ nhân tạo cho giáo viên',
  'Chăm sóc sức khoẻ trực tuyến',
];

async function seed() {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const begun = Date.now();
  await db.query(`INSERT INTO users (id, phone, password_hash, role, full_name)
                  VALUES ('00000000-0000-4000-8000-000000000001', '+84911999999', 'x', 'teacher', 'Giảng viên thử')`);
  await db.query(
    `INSERT INTO courses (slug, status, owner_id, title, summary, level, target_groups, languages, published_version, published_revision)
     SELECT 'khoa-hoc-' || i, 'published', '00000000-0000-4000-8000-000000000001',
            jsonb_build_object('vi', ($1::text[])[1 + i % array_length($1::text[], 1)] || ' – khoá ' || i),
            jsonb_build_object('vi', 'Khoá học số ' || i || ' của phong trào Bình dân học vụ số'),
            'beginner', ARRAY['citizen'], ARRAY['vi'], 1, 1
       FROM generate_series(1, 1000) AS i`,
    [TOPICS],
  );
  await db.query(`INSERT INTO course_sections (course_id, position, title)
                  SELECT c.id, s, jsonb_build_object('vi', 'Phần ' || (s + 1)) FROM courses c, generate_series(0, 9) AS s`);
  await db.query(`INSERT INTO course_lessons (course_id, section_id, position, kind, title, estimated_minutes)
                  SELECT s.course_id, s.id, l, 'article', jsonb_build_object('vi', 'Bài ' || (s.position + 1) || '.' || (l + 1)), 5
                    FROM course_sections s, generate_series(0, 9) AS l`);
  await db.query(`
    INSERT INTO course_versions (course_id, version, outline, published_by)
    SELECT c.id, 1, jsonb_build_object(
             'title', c.title, 'summary', c.summary, 'description', '{}'::jsonb, 'level', c.level,
             'targetGroups', to_jsonb(c.target_groups), 'languages', to_jsonb(c.languages), 'sequential', false,
             'estimatedMinutes', 500, 'lessonCount', 100,
             'sections', (SELECT jsonb_agg(jsonb_build_object('id', s.id, 'title', s.title, 'lessons',
                 (SELECT jsonb_agg(jsonb_build_object('id', l.id, 'kind', l.kind, 'title', l.title, 'required', true,
                                                      'estimatedMinutes', l.estimated_minutes) ORDER BY l.position)
                    FROM course_lessons l WHERE l.section_id = s.id)) ORDER BY s.position)
               FROM course_sections s WHERE s.course_id = c.id)), c.owner_id
      FROM courses c`);
  await db.query(`
    INSERT INTO course_version_lessons (version_id, lesson_id, content)
    SELECT v.id, l.id, jsonb_build_object('html', jsonb_build_object('vi', '<p>Nội dung bài học</p>'))
      FROM course_versions v JOIN course_lessons l ON l.course_id = v.course_id`);
  await db.query(`
    INSERT INTO course_catalogue (course_id, version_id, slug, title, summary, level, target_groups, languages,
                                  estimated_minutes, lesson_count, search_document, published_at)
    SELECT c.id, v.id, c.slug, c.title, c.summary, c.level, c.target_groups, c.languages, 500, 100,
           hocvu_search_norm((c.title->>'vi') || ' ' || (c.summary->>'vi')), now()
      FROM courses c JOIN course_versions v ON v.course_id = c.id`);
  await db.query('ANALYZE');
  const [{ lessons }] = (await db.query('SELECT count(*)::int AS lessons FROM course_lessons')).rows;
  await db.end();
  console.log(
    `Seeded 1,000 courses, ${lessons.toLocaleString('en')} lessons in ${((Date.now() - begun) / 1000).toFixed(1)} s`,
  );
}

async function measure(name, options, pid, expectedStatus = 200) {
  let peak = 0;
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100) : null;
  const result = await autocannon({ connections, duration, ...options });
  if (sampler) clearInterval(sampler);
  // autocannon counts a 304 as non-2xx; a revalidation run expects nothing else.
  const unexpected =
    expectedStatus === 304
      ? result.requests.total - (result.statusCodeStats['304']?.count ?? 0)
      : result.non2xx;
  const errors = result.errors + unexpected;
  console.log(
    `${name.padEnd(34)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${errors}` +
      (pid ? `  peak RSS ${peak.toFixed(0)} MB` : ''),
  );
  return result;
}

let api;
const bare = createServer((_, response) => response.end('hello')).listen(barePort, '127.0.0.1');
try {
  migrateBenchDatabase(ROOT, env);
  await seed();
  const profiling = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  api = spawn('node', [...API_NODE_ARGS, ...profiling, 'apps/api/dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${apiPort}`;
  await waitForApi(base);
  const register = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fullName: 'Học viên thử', phone: '0911888888', password: 'hocvu2026' }),
  });
  const { accessToken } = await register.json();
  const auth = { authorization: `Bearer ${accessToken}` };
  const [{ id: courseId }] = (await (await fetch(`${base}/api/catalogue?q=khoa%201000`)).json()).items;
  await fetch(`${base}/api/courses/${courseId}/enrolment`, { method: 'POST', headers: auth });

  if (values.serve) {
    console.log(`API ${base}\noutline ${base}/api/learn/${courseId}\nAuthorization: Bearer ${accessToken}`);
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
  console.log(
    `autocannon: ${connections} connections, ${duration} s each; node ${process.version}; 2 cores shared with the load generator\n`,
  );
  const hello = await measure('bare node:http hello-world', { url: `http://127.0.0.1:${barePort}/` });
  await measure(
    'GET /api/catalogue?q=ky nang so',
    { url: `${base}/api/catalogue?q=ky%20nang%20so` },
    api.pid,
  );
  await measure('GET /api/catalogue/:slug', { url: `${base}/api/catalogue/khoa-hoc-500` }, api.pid);
  const outline = await withCpuSplit(api.pid, () =>
    measure(
      'GET /api/learn/:courseId (100 lessons)',
      { url: `${base}/api/learn/${courseId}`, headers: auth },
      api.pid,
    ),
  );
  const etag = (await fetch(`${base}/api/learn/${courseId}`, { headers: auth })).headers.get('etag');
  await measure(
    'GET /api/learn/:courseId revalidated',
    { url: `${base}/api/learn/${courseId}`, headers: { ...auth, 'if-none-match': etag } },
    api.pid,
    304,
  );
  console.log(
    `\noutline / bare http = ${((outline.requests.average / hello.requests.average) * 100).toFixed(0)} %` +
      ` (target ≥ 50 %); outline p99 ${outline.latency.p99} ms (target ≤ 20 ms); API RSS now ${rssMb(api.pid).toFixed(0)} MB`,
  );
} finally {
  bare.close();
  api?.kill('SIGTERM');
  await new Promise((resolve) => (api && api.exitCode === null ? api.once('exit', resolve) : resolve()));
  db.drop();
}

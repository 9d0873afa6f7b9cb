#!/usr/bin/env node
// Benchmarks of the Video issue, on the built API and worker with a throw-away database:
//  1. transcode — a 60 s 720p clip generated now with ffmpeg is uploaded through the API (tus),
//     finished, and timed until every rung is published; then one raw ffmpeg command producing the
//     same ladder is timed on the same machine, for the ratio;
//  2. heartbeats — autocannon (200 connections) against POST /api/learn/heartbeats with many signed-in
//     learners, next to a bare node:http hello-world; afterwards every acknowledged heartbeat must be
//     counted in PostgreSQL;
//  3. segments — autocannon (100 connections) fetching a published 360p segment by signed URL.
// Prints numbers; asserts nothing. Usage (after `npx nx run-many -t build`; needs ffmpeg):
//   node packages/tooling/src/bench/video.mjs [--seconds 10] [--learners 40] [--profile DIR]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { API_NODE_ARGS, ROOT } from '../lib/process.mjs';
import { benchDatabase, benchEnv, rssMb, withCpuSplit } from './bench-stack.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const autocannon = require('autocannon');
const { Client } = require('pg');
const media = require(join(ROOT, 'packages/media/dist/index.js'));

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    learners: { type: 'string', default: '40' },
    // Writes a V8 CPU profile of the API into this folder (open in Chrome DevTools).
    profile: { type: 'string' },
  },
});
const duration = Number(values.seconds);
const learnerCount = Number(values.learners);
const apiPort = 3393;
const barePort = 3394;
const scratch = mkdtempSync(join(tmpdir(), 'hocvu-bench-video-'));
const db = benchDatabase();
const env = {
  ...benchEnv(db.url, apiPort),
  STORAGE_PATH: join(scratch, 'storage'),
  UPLOAD_PATH: join(scratch, 'uploads'),
};
const base = `http://127.0.0.1:${apiPort}`;
const children = [];

function ffmpeg(args) {
  const result = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}

async function api(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body instanceof Uint8Array ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { status: response.status, headers: response.headers, json: text ? safeJson(text) : null };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function signIn(phone, password) {
  return (await api('POST', '/api/auth/login', { body: { identifier: phone, password } })).json.accessToken;
}

async function measure(name, options, pids) {
  const peaks = new Map(pids.map((pid) => [pid, 0]));
  const sampler = setInterval(() => {
    for (const pid of pids) peaks.set(pid, Math.max(peaks.get(pid), rssMb(pid)));
  }, 100);
  const result = await autocannon({ duration, ...options });
  clearInterval(sampler);
  const rss = pids.length ? `  peak RSS ${[...peaks.values()].map((mb) => mb.toFixed(0)).join('/')} MB` : '';
  console.log(
    `${name.padEnd(40)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
      `${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s  non-2xx ${result.non2xx}  errors ${result.errors}${rss}`,
  );
  return result;
}

const bare = createServer((_, response) => response.end('hello')).listen(barePort, '127.0.0.1');
try {
  for (const command of ['migrate', 'seed']) {
    const step = spawnSync('node', ['apps/api/dist/apps/api/src/cli.js', command], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    if (step.status !== 0) throw new Error(step.stderr);
  }
  const profiling = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const apiProcess = spawn('node', [...API_NODE_ARGS, ...profiling, 'apps/api/dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const workerProcess = spawn('node', ['apps/worker/dist/apps/worker/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  children.push(apiProcess, workerProcess);
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // --- 1. Transcode -----------------------------------------------------------------------------
  const clip = join(scratch, 'clip-60s-720p.mp4');
  // veryfast, not ultrafast: a source closer to what a phone or an editor uploads.
  ffmpeg(media.syntheticClipArgs(clip, { seconds: 60, preset: 'veryfast' }));
  const size = statSync(clip).size;
  const teacher = await signIn('0911000003', 'hocvu2026');
  let course = (
    await api('POST', '/api/studio/courses', {
      token: teacher,
      body: { title: { vi: 'Đo hiệu năng video' }, targetGroups: ['citizen'], languages: ['vi'] },
    })
  ).json;
  course = (
    await api('POST', `/api/studio/courses/${course.id}/sections`, {
      token: teacher,
      body: { title: { vi: 'Phần 1' } },
    })
  ).json;
  course = (
    await api('POST', `/api/studio/sections/${course.sections[0].id}/lessons`, {
      token: teacher,
      body: { kind: 'video', title: { vi: 'Video 60 giây' }, estimatedMinutes: 1 },
    })
  ).json;
  const lessonId = course.sections[0].lessons[0].id;

  const uploadStarted = Date.now();
  const created = await api('POST', '/api/studio/uploads/videos', {
    token: teacher,
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(size),
      'upload-metadata': `lessonId ${Buffer.from(lessonId).toString('base64')},filename ${Buffer.from('clip.mp4').toString('base64')}`,
    },
  });
  const uploadUrl = created.headers.get('location');
  const bytes = readFileSync(clip);
  const chunk = 8 * 1024 * 1024;
  for (let offset = 0; offset < size; offset += chunk) {
    await api('PATCH', uploadUrl, {
      token: teacher,
      body: bytes.subarray(offset, offset + chunk),
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
    });
  }
  const uploadSeconds = (Date.now() - uploadStarted) / 1000;
  const finishedAt = Date.now();
  await api('POST', `/api/studio/lessons/${lessonId}/video`, {
    token: teacher,
    body: { uploadId: uploadUrl.split('/').pop() },
  });
  let status;
  for (;;) {
    status = (await api('GET', `/api/studio/lessons/${lessonId}/video`, { token: teacher })).json.video;
    if (status.status === 'ready' || status.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pipelineSeconds = (Date.now() - finishedAt) / 1000;
  if (status.status !== 'ready')
    throw new Error(`transcode failed: ${status.errorCode} ${status.errorMessage}`);

  const probe = media.interpretProbe(
    spawnSync('ffprobe', media.ffprobeArgs(clip), { encoding: 'utf8' }).stdout,
    { maxDurationSeconds: 3600, maxWidth: 3840, maxHeight: 2160 },
  ).probe;
  const rawStarted = Date.now();
  // The worker's own argument builder: the same ladder, the progress output simply discarded.
  spawnSync('ffmpeg', media.hlsLadderArgs(media.DEFAULT_LADDER, probe, clip, join(scratch, 'raw')), {
    stdio: 'ignore',
  });
  const rawSeconds = (Date.now() - rawStarted) / 1000;

  console.log(
    `node ${process.version}; 2 cores shared by API, worker, PostgreSQL, Redis and the load generator\n`,
  );
  console.log(
    `upload 60 s 720p clip (${(size / 1024 / 1024).toFixed(1)} MB) through tus     ${uploadSeconds.toFixed(2)} s`,
  );
  console.log(
    `pipeline: finish → all ${status.rungs.length} rungs published          ${pipelineSeconds.toFixed(2)} s`,
  );
  console.log(`raw ffmpeg, same ladder (one command)                 ${rawSeconds.toFixed(2)} s`);
  console.log(`pipeline / raw = ${(pipelineSeconds / rawSeconds).toFixed(2)}× (target ≤ 1.1×)\n`);

  // --- 2. Heartbeats ----------------------------------------------------------------------------
  await api('POST', `/api/studio/courses/${course.id}/publish`, { token: teacher });
  const tokens = [];
  for (let i = 0; i < learnerCount; i += 1) {
    const phone = `09${String(20000000 + i).padStart(8, '0')}`;
    const registered = (
      await api('POST', '/api/auth/register', {
        body: { fullName: `Học viên ${i}`, phone, password: 'hocvu2026' },
      })
    ).json;
    await api('POST', `/api/courses/${course.id}/enrolment`, { token: registered.accessToken });
    const lesson = (
      await api('GET', `/api/learn/${course.id}/lessons/${lessonId}`, { token: registered.accessToken })
    ).json;
    tokens.push(lesson.video.playbackToken);
  }
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const hello = await measure(
    'bare node:http hello-world (200 conns)',
    { url: `http://127.0.0.1:${barePort}/`, connections: 200 },
    [],
  );
  let next = 0;
  const beats = await withCpuSplit(apiProcess.pid, () =>
    measure(
      'POST /api/learn/heartbeats (200 conns)',
      {
        url: `${base}/api/learn/heartbeats`,
        connections: 200,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Each request a learner's replayed heartbeat: accepted (idempotent), counted in PostgreSQL.
        setupClient: (client) =>
          client.setBody(
            JSON.stringify({
              playbackToken: tokens[next++ % tokens.length],
              intervals: [[0, 5]],
              position: 5,
            }),
          ),
      },
      [apiProcess.pid],
    ),
  );
  const [{ counted }] = (
    await pg.query('SELECT coalesce(sum(heartbeats), 0)::int AS counted FROM video_progress')
  ).rows;
  const acknowledged = beats['2xx'];
  console.log(
    `heartbeats / bare http = ${((beats.requests.average / hello.requests.average) * 100).toFixed(0)} % (target ≥ 40 %); ` +
      `acknowledged ${acknowledged}, in PostgreSQL ${counted} → ${counted >= acknowledged ? 'none lost' : `${acknowledged - counted} LOST`}\n`,
  );
  await pg.end();

  // --- 3. Segments ------------------------------------------------------------------------------
  const master = status.masterUrl;
  const segmentUrl = `${base}${master.replace('master.m3u8', '360p/seg_00001.ts')}`;
  const segmentBytes = Number((await fetch(segmentUrl, { method: 'HEAD' })).headers.get('content-length'));
  await measure(
    `GET 360p segment (${(segmentBytes / 1024).toFixed(0)} KB, 100 conns)`,
    { url: segmentUrl, connections: 100 },
    [apiProcess.pid],
  );
  console.log(
    `\nRSS now: API ${rssMb(apiProcess.pid).toFixed(0)} MB, worker ${rssMb(workerProcess.pid).toFixed(0)} MB`,
  );
} finally {
  bare.close();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
    ),
  );
  db.drop();
  rmSync(scratch, { recursive: true, force: true });
}

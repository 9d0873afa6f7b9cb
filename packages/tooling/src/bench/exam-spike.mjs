#!/usr/bin/env node
// "Exam-start spike" benchmark for the Quizzes issue: N learners, signed in beforehand, start the same
// 16-question attempt at the same moment; each then saves 16 answers and submits. Prints, per step,
// requests/s, p50/p99 latency and errors, for each N; asserts nothing. Usage (after
// `npx nx run-many -t build`):
//   node packages/tooling/src/bench/exam-spike.mjs [--learners 500,1000,3000] [--think-ms 0]
//                                                  [--api-processes 1]
//
// - "Signed in beforehand": each learner holds an access token (minted here with the run's secret,
//   exactly what sign-in returns) and an open keep-alive connection, as a phone that loaded the exam
//   page does. Learner rows and enrolments are inserted by SQL (hashing 3,000 passwords would only
//   measure the password hash).
// - --think-ms: mean pause between a learner's answers (uniform 0…2× the mean). 0 = no pause at all,
//   every learner hammering the API back to back: the worst case, not a real exam.
// - --api-processes: API processes behind the same port (Node cluster), as a deployment would run
//   one per core.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
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
const { Client } = require('pg');

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '500,1000,3000' },
    'think-ms': { type: 'string', default: '0' },
    'api-processes': { type: 'string', default: '1' },
    // Writes a V8 CPU profile of the (single) API process into this folder.
    profile: { type: 'string' },
    // Only the spike of starts (no answers, no submit): to look at the start step alone.
    'only-start': { type: 'boolean', default: false },
  },
});
const sizes = values.learners.split(',').map(Number);
const thinkMs = Number(values['think-ms']);
const processes = Number(values['api-processes']);
const apiPort = 3393;
const db = benchDatabase();
const env = benchEnv(db.url, apiPort);
const base = `http://127.0.0.1:${apiPort}`;

/** An HS256 access token, as the API's sign-in issues (see apps/api/src/common/auth). */
function accessToken(userId, role) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, role, sid: randomUUID(), cid: null, iat: now, exp: now + 3600 })}`;
  return `${body}.${createHmac('sha256', env.JWT_ACCESS_SECRET).update(body).digest('base64url')}`;
}

const TOPICS = ['VNeID', 'an toàn', 'dịch vụ công', 'thanh toán'];

/** The exam: a published course whose quiz draws 4 questions from each of 4 tags of a 48-question bank. */
async function createExam(teacherToken) {
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${teacherToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  let course = await call('POST', '/api/studio/courses', {
    title: { vi: 'Thi cuối khoá: Kỹ năng số cơ bản' },
    summary: { vi: 'Bài thi chung của xã' },
    level: 'beginner',
    targetGroups: ['citizen'],
    languages: ['vi'],
  });
  course = await call('POST', `/api/studio/courses/${course.id}/sections`, { title: { vi: 'Bài thi' } });
  course = await call('POST', `/api/studio/sections/${course.sections[0].id}/lessons`, {
    kind: 'quiz',
    title: { vi: 'Bài thi cuối khoá' },
  });
  const lessonId = course.sections[0].lessons[0].id;
  const rows = ['type,tags,question_vi,option_1,option_2,option_3,option_4,correct,explanation_vi'];
  TOPICS.forEach((tag, t) => {
    for (let i = 1; i <= 12; i++) {
      rows.push(
        i % 3 === 0
          ? `true_false,${tag},Câu ${i} về ${tag}: không chia sẻ mã OTP cho người khác.,,,,,đúng,Mã OTP là bí mật.`
          : `single_choice,${tag},Câu ${i} về ${tag}: chọn đáp án đúng (${t}-${i}).,Đáp án A,Đáp án B,Đáp án C,Đáp án D,${1 + (i % 4)},Giải thích ngắn.`,
      );
    }
  });
  const imported = await call('POST', `/api/studio/courses/${course.id}/questions/import`, {
    csv: rows.join('\n'),
  });
  if (imported.imported !== 48) throw new Error(`imported ${JSON.stringify(imported)}`);
  await call('PUT', `/api/studio/lessons/${lessonId}/quiz`, {
    pools: TOPICS.map((tag) => ({ tag, count: 4 })),
    shuffleQuestions: true,
    shuffleOptions: true,
    timeLimitMinutes: 30,
    attemptsAllowed: 3,
    cooldownMinutes: 0,
    passingPercent: 70,
    feedback: 'after_submit',
    finalExam: true,
  });
  await call('POST', `/api/studio/courses/${course.id}/publish`, {});
  return { courseId: course.id, lessonId };
}

/** Inserts `count` learners enrolled in the course; returns their ids. */
async function seedLearners(client, courseId, count, offset) {
  const { rows } = await client.query(
    `WITH made AS (
       INSERT INTO users (phone, password_hash, role, full_name)
       SELECT '+8498' || lpad((i + $2)::text, 7, '0'), 'x', 'learner', 'Học viên ' || (i + $2)
         FROM generate_series(1, $1) AS i
       RETURNING id)
     INSERT INTO enrolments (course_id, user_id) SELECT $3, id FROM made RETURNING user_id AS id`,
    [count, offset, courseId],
  );
  return rows.map((row) => row.id);
}

/** One HTTP request on the learner's own keep-alive connection; resolves with status, latency and body. */
function send(agent, token, method, path, body) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: apiPort,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            ms: performance.now() - started,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, error }));
    req.end(payload);
  });
}

/** A plausible answer of the right shape for a learner question. */
function someAnswer(question) {
  switch (question.type) {
    case 'single_choice':
      return { optionId: question.options[0].id };
    case 'multiple_choice':
      return { optionIds: [question.options[0].id] };
    case 'true_false':
      return { value: true };
    case 'ordering':
      return { order: question.options.map((option) => option.id) };
    default:
      return { text: 'VNeID' };
  }
}

class Step {
  constructor(name) {
    this.name = name;
    this.latencies = [];
    this.errors = 0;
    this.first = Infinity;
    this.last = 0;
  }
  record(result, at) {
    this.latencies.push(result.ms);
    if (result.status < 200 || result.status >= 300) {
      this.errors++;
      if (this.errors <= 3)
        console.log(
          `    ${this.name} error: ${result.status} ${result.error?.message ?? result.body?.toString().slice(0, 200)}`,
        );
    }
    this.first = Math.min(this.first, at - result.ms);
    this.last = Math.max(this.last, at);
  }
  line() {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(0);
    const seconds = (this.last - this.first) / 1000;
    return (
      `  ${this.name.padEnd(8)} ${String(sorted.length).padStart(6)} requests  ` +
      `${String(Math.round(sorted.length / seconds)).padStart(5)} req/s  p50 ${pct(50)} ms  p99 ${pct(99)} ms  ` +
      `max ${sorted.at(-1)?.toFixed(0)} ms  errors ${this.errors}`
    );
  }
}

/** The API's process ids: the process itself, or a cluster primary's workers. */
function apiPids(pid) {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
  return children.length > 0 ? children.map(Number) : [pid];
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function runSpike(exam, learnerIds, apiPids) {
  const steps = { start: new Step('start'), answer: new Step('answer'), submit: new Step('submit') };
  const learners = learnerIds.map((id) => ({
    token: accessToken(id, 'learner'),
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
  }));
  // Signed in beforehand: each phone already has its connection open.
  await Promise.all(learners.map((learner) => send(learner.agent, learner.token, 'GET', '/api/health')));

  const cpuBefore = apiPids.map((pid) => rssMb(pid));
  const began = performance.now();
  await withCpuSplit(apiPids, () =>
    Promise.all(
      learners.map(async (learner) => {
        const started = await send(
          learner.agent,
          learner.token,
          'POST',
          `/api/learn/${exam.courseId}/quizzes/${exam.lessonId}/attempts`,
        );
        steps.start.record(started, performance.now());
        if (started.status !== 201 && started.status !== 200) return;
        if (values['only-start']) return;
        const attempt = JSON.parse(started.body.toString());
        for (const question of attempt.questions) {
          if (thinkMs > 0) await pause(Math.random() * 2 * thinkMs);
          const saved = await send(
            learner.agent,
            learner.token,
            'PUT',
            `/api/attempts/${attempt.id}/answers/${question.id}`,
            {
              answer: someAnswer(question.question),
              timeSpentMs: 5000,
            },
          );
          steps.answer.record(saved, performance.now());
        }
        const submitted = await send(
          learner.agent,
          learner.token,
          'POST',
          `/api/attempts/${attempt.id}/submit`,
        );
        steps.submit.record(submitted, performance.now());
      }),
    ),
  );
  const seconds = (performance.now() - began) / 1000;
  for (const learner of learners) learner.agent.destroy();
  const all = [...steps.start.latencies, ...steps.answer.latencies, ...steps.submit.latencies].sort(
    (a, b) => a - b,
  );
  const errors = steps.start.errors + steps.answer.errors + steps.submit.errors;
  console.log(steps.start.line());
  console.log(steps.answer.line());
  console.log(steps.submit.line());
  console.log(
    `  all      ${String(all.length).padStart(6)} requests in ${seconds.toFixed(1)} s, p99 ${all[Math.floor(0.99 * all.length)].toFixed(0)} ms, ` +
      `errors ${errors}; API RSS ${apiPids.map((pid, i) => `${cpuBefore[i].toFixed(0)}→${rssMb(pid).toFixed(0)}`).join(', ')} MB`,
  );
  return { steps, errors };
}

const apis = [];
try {
  migrateBenchDatabase(ROOT, env);
  // One process, or a Node cluster whose primary hands connections to N API processes in turn.
  const main = join(ROOT, 'apps/api/dist/apps/api/src/main.js');
  const args =
    processes === 1
      ? [
          ...API_NODE_ARGS,
          ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
          main,
        ]
      : [...API_NODE_ARGS, join(ROOT, 'packages/tooling/src/bench/cluster-api.cjs'), String(processes), main];
  // stderr stays visible: an API that runs out of heap under the spike must say so, not vanish.
  apis.push(spawn('node', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] }));
  await waitForApi(base);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const {
    rows: [teacher],
  } = await client.query(
    `INSERT INTO users (phone, password_hash, role, full_name) VALUES ('+84911777777', 'x', 'teacher', 'Giảng viên') RETURNING id`,
  );
  const exam = await createExam(accessToken(teacher.id, 'teacher'));
  console.log(
    `Exam: 16 questions drawn from a 48-question bank (4 pools), 30 min limit. node ${process.version}; ` +
      `${processes} API process(es); think time ${thinkMs} ms; 2 cores shared by API, PostgreSQL, Redis and this load generator\n`,
  );
  let offset = 0;
  const summary = [];
  for (const size of sizes) {
    const ids = await seedLearners(client, exam.courseId, size, offset);
    offset += size;
    await client.query('ANALYZE');
    console.log(`N = ${size.toLocaleString('en')} learners`);
    const { steps, errors } = await runSpike(exam, ids, apiPids(apis[0].pid));
    const all = [...steps.start.latencies, ...steps.answer.latencies, ...steps.submit.latencies].sort(
      (a, b) => a - b,
    );
    summary.push({ size, errors, p99: all[Math.floor(0.99 * all.length)] });
    const [{ count }] = (
      await client.query(
        `SELECT count(*)::int AS count FROM quiz_attempts WHERE user_id = ANY($1) AND status <> 'in_progress'`,
        [ids],
      )
    ).rows;
    console.log(
      `  attempts finished in the database: ${count.toLocaleString('en')} of ${size.toLocaleString('en')}\n`,
    );
    await pause(2000);
  }
  await client.end();
  for (const { size, errors, p99 } of summary) {
    console.log(
      `N = ${String(size).padStart(5)}: errors ${errors}, p99 over all steps ${p99.toFixed(0)} ms (target at 3,000: 0 errors, p99 ≤ 1,500 ms)`,
    );
  }
} finally {
  for (const api of apis) api.kill('SIGTERM');
  await Promise.all(
    apis.map((api) => (api.exitCode === null ? new Promise((resolve) => api.once('exit', resolve)) : null)),
  );
  db.drop();
}

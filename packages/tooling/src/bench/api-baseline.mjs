#!/usr/bin/env node
// Benchmark: API start-up time, idle memory, and throughput + peak memory under load for a public
// read (the commune list), the health check and sign-in (argon2id). Starts the built API on a
// throw-away database; prints numbers, asserts nothing. Usage (after `npx nx run-many -t build`):
//   node packages/tooling/src/bench/api-baseline.mjs [--seconds 10] [--concurrency 50]
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { API_NODE_ARGS, ROOT } from '../lib/process.mjs';
import { benchDatabase, benchEnv, rssMb } from './bench-stack.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '50' } },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const port = 3390;
const base = `http://127.0.0.1:${port}`;
const db = benchDatabase();
const env = benchEnv(db.url, port);
const cli = join(ROOT, 'apps/api/dist/apps/api/src/cli.js');

async function load(name, makeRequest) {
  const deadline = Date.now() + seconds * 1000;
  const latencies = [];
  let errors = 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.pid))), 100);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const begun = performance.now();
        try {
          const response = await makeRequest();
          await response.arrayBuffer();
          if (!response.ok) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - begun);
      }
    }),
  );
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))].toFixed(1);
  console.log(
    `${name.padEnd(28)} ${(latencies.length / seconds).toFixed(0).padStart(6)} req/s  p50 ${pct(50)} ms  p99 ${pct(99)} ms  ` +
      `errors ${errors}  peak RSS ${peak.toFixed(0)} MB`,
  );
}

let api;
try {
  for (const command of ['migrate', 'seed']) {
    const result = spawnSync('node', [cli, command], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
  }
  const begun = Date.now();
  api = spawn('node', [...API_NODE_ARGS, join(ROOT, 'apps/api/dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  console.log(`API ready in ${Date.now() - begun} ms; idle RSS ${rssMb(api.pid).toFixed(0)} MB`);
  console.log(
    `Load: ${concurrency} concurrent clients, ${seconds} s each, node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`,
  );
  await load('GET /api/health', () => fetch(`${base}/api/health`));
  await load('GET /api/admin-units (45)', () => fetch(`${base}/api/admin-units?kind=commune`));
  await load('POST /api/auth/login', () =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: '0911000004', password: 'hocvu2026' }),
    }),
  );
  console.log(`\nRSS after the runs: ${rssMb(api.pid).toFixed(0)} MB (budget: 250 MB)`);
} finally {
  api?.kill('SIGTERM');
  await new Promise((resolve) => (api && api.exitCode === null ? api.once('exit', resolve) : resolve()));
  db.drop();
}

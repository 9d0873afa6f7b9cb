#!/usr/bin/env node
// `npm start`: from a fresh clone to the whole platform running with demo content.
// Installs dependencies if missing, finds or starts PostgreSQL and Redis, builds, migrates, seeds,
// then runs the API, the worker and the portal until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { API_NODE_ARGS, ROOT, run, startService } from './lib/process.mjs';
import { findPostgres, findRedis } from './lib/services.mjs';

const started = Date.now();
const children = [];
const stoppers = [];

function step(message) {
  console.log(`\n▶ ${message}`);
}

async function main() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new Error(`Node.js 20.19 or newer is needed (this is ${process.versions.node}).`);
  }

  const lock = join(ROOT, 'package-lock.json');
  const installed = join(ROOT, 'node_modules/.package-lock.json');
  if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    step('Installing dependencies (npm install)…');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
  const require = createRequire(join(ROOT, 'package.json'));
  const dotenv = require('dotenv');

  const envFile = join(ROOT, '.env');
  if (!existsSync(envFile)) {
    step('Creating .env with fresh secrets (kept out of git)…');
    writeFileSync(
      envFile,
      [
        '# Created by `npm start` for this machine. See .env.example for every setting.',
        `JWT_ACCESS_SECRET=${randomBytes(48).toString('base64')}`,
        `DATA_ENCRYPTION_KEYS=k1:${randomBytes(32).toString('base64')}`,
        'DATA_ENCRYPTION_ACTIVE_KEY_ID=k1',
        'LOG_PRETTY=true',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  }
  dotenv.config({ path: envFile, quiet: true });

  const stateDir = join(ROOT, '.hocvu');
  mkdirSync(stateDir, { recursive: true });

  step('Looking for PostgreSQL…');
  const postgres = await findPostgres({ stateDir, require });
  console.log(`  using ${postgres.description}`);
  if (postgres.stop) stoppers.push(postgres.stop);

  step('Looking for Redis…');
  const redis = await findRedis({ stateDir, require });
  console.log(`  using ${redis.description}`);
  if (redis.stop) stoppers.push(redis.stop);

  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    NX_DAEMON: 'false',
  };

  step('Looking for ffmpeg (video transcoding)…');
  const ffmpeg = spawnSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-version'], { encoding: 'utf8' });
  console.log(
    ffmpeg.status === 0
      ? `  using ${ffmpeg.stdout.split('\n')[0]}`
      : '  ✗ ffmpeg not found: the platform runs, but uploaded videos fail to transcode until you\n' +
          '    install it (Debian/Ubuntu: sudo apt-get install -y ffmpeg) and restart.',
  );

  step('Building (nx run-many -t build)…');
  run(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '--projects=contracts,server-kit,media,api,worker,portal',
      '--output-style=static',
    ],
    {
      quiet: true,
      env,
    },
  );

  step('Migrating the database…');
  run('node', ['apps/api/dist/apps/api/src/cli.js', 'migrate'], { env });
  step('Loading demo content…');
  const seed = run('node', ['apps/api/dist/apps/api/src/cli.js', 'seed'], { env, quiet: true });
  const logins = seed.stdout.trim();

  const apiPort = process.env.API_PORT ?? '3000';
  const portalPort = process.env.PORTAL_PORT ?? '8080';
  const host = process.env.PORTAL_HOST ?? '127.0.0.1';
  step('Starting the API, the worker and the portal…');
  children.push(startService('api', 'node', [...API_NODE_ARGS, 'apps/api/dist/apps/api/src/main.js'], env));
  children.push(startService('worker', 'node', ['apps/worker/dist/apps/worker/src/main.js'], env));
  children.push(
    startService('portal', join(ROOT, 'node_modules/.bin/vite'), ['preview', 'apps/portal'], {
      ...env,
      API_URL: `http://127.0.0.1:${apiPort}`,
      PORTAL_PORT: portalPort,
      PORTAL_HOST: host,
    }),
  );
  for (const child of children) {
    child.on('exit', (code, signal) => {
      if (!shuttingDown) {
        console.error(`\n✗ a service stopped unexpectedly (exit ${code ?? signal}); shutting down.`);
        void shutdown(1);
      }
    });
  }

  await waitForUrl(`http://127.0.0.1:${apiPort}/api/health`, 60_000);
  await waitForUrl(`http://${host}:${portalPort}/`, 60_000);
  // Needs the running worker: the clip is transcoded like any upload (once; later starts skip it).
  step('Adding the demo video lesson…');
  const video = run('node', ['apps/api/dist/apps/api/src/cli.js', 'seed-video'], {
    env,
    quiet: true,
    allowFailure: true,
  });
  console.log(`  ${(video.stdout || video.stderr).trim().split('\n').at(-1)}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`
────────────────────────────────────────────────────────────────────
  Hocvu is running (ready in ${seconds} s):

    Portal     http://${host}:${portalPort}
    API docs   http://${host}:${portalPort}/api/docs

  ${logins.split('\n').join('\n  ')}

  Press Ctrl+C to stop.
────────────────────────────────────────────────────────────────────`);
}

async function waitForUrl(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
    ),
  );
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error) => {
  console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});

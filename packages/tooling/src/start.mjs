#!/usr/bin/env node
// `npm start`: from a fresh clone to the whole platform running with demo content.
// Installs dependencies if missing, finds or starts PostgreSQL and Redis, builds, migrates, seeds,
// then runs the VNeID simulator, the API, the worker and the portal until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
        'DATA_LOOKUP_KEY_ID=k1',
        'LOG_PRETTY=true',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  }
  ensureAttestationKeys(envFile, dotenv);
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
      '--projects=contracts,server-kit,media,api,worker,portal,vneid-sim',
      '--output-style=static',
    ],
    {
      quiet: true,
      env,
    },
  );

  await ensureIssuerKey(envFile, dotenv, require, env);

  step('Migrating the database…');
  run('node', ['apps/api/dist/apps/api/src/cli.js', 'migrate'], { env });
  step('Loading demo content…');
  const seed = run('node', ['apps/api/dist/apps/api/src/cli.js', 'seed'], { env, quiet: true });
  const logins = seed.stdout.trim();

  const apiPort = process.env.API_PORT ?? '3000';
  const portalPort = process.env.PORTAL_PORT ?? '8080';
  const host = process.env.PORTAL_HOST ?? '127.0.0.1';
  const vneidPort = process.env.VNEID_SIM_PORT ?? '3400';
  const vneidUrl = `http://127.0.0.1:${vneidPort}`;

  // The stand-in for VNeID comes first: signing in with VNeID and attestations need it from the start.
  step('Starting the VNeID simulator…');
  supervise(
    startService('vneid', 'node', ['apps/vneid-sim/dist/apps/vneid-sim/src/main.js'], {
      ...env,
      VNEID_SIM_LOG_PRETTY: process.env.VNEID_SIM_LOG_PRETTY ?? process.env.LOG_PRETTY ?? 'false',
    }),
  );
  // A simulator started in maintenance (VNEID_SIM_MAINTENANCE) answers 503: up, just closed.
  await waitForUrl(`${vneidUrl}/.well-known/openid-configuration`, 30_000, [503]);

  step('Starting the API, the worker and the portal…');
  supervise(startService('api', 'node', [...API_NODE_ARGS, 'apps/api/dist/apps/api/src/main.js'], env));
  supervise(startService('worker', 'node', ['apps/worker/dist/apps/worker/src/main.js'], env));
  supervise(
    startService('portal', join(ROOT, 'node_modules/.bin/vite'), ['preview', 'apps/portal'], {
      ...env,
      API_URL: `http://127.0.0.1:${apiPort}`,
      PORTAL_PORT: portalPort,
      PORTAL_HOST: host,
    }),
  );

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
  const { VNEID_TEST_CITIZENS } = require(join(ROOT, 'packages/attestation/dist/testing.js'));
  const vneidPassword = process.env.VNEID_SIM_TEST_PASSWORD || 'vneid2026';
  const citizens = VNEID_TEST_CITIZENS.map(
    (citizen) =>
      `  ${citizen.fullName.padEnd(18)} ${citizen.citizenId} / ${vneidPassword}  (mức ${citizen.identificationLevel}, ${citizen.commune})`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`
────────────────────────────────────────────────────────────────────
  Hocvu is running (ready in ${seconds} s):

    Portal     http://${host}:${portalPort}
    API docs   http://${host}:${portalPort}/api/docs
    VNeID sim  ${vneidUrl}  (stand-in for VNeID; docs/vneid-adapter.md)

  ${logins.split('\n').join('\n  ')}

  VNeID test citizens (citizen id / password, on the simulator's sign-in page):
  ${citizens.join('\n  ')}

  Press Ctrl+C to stop.
────────────────────────────────────────────────────────────────────`);
}

/** Stops everything when a service dies, from the moment it is started (not only once all are up). */
function supervise(child) {
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`\n✗ a service stopped unexpectedly (exit ${code ?? signal}); shutting down.`);
      void shutdown(1);
    }
  });
}

/**
 * The key signing certificates belongs to the did:web of PUBLIC_URL (the portal's address), so it is made
 * here, once the credentials package is built: appended to .env, or replaced (with a warning) when
 * PUBLIC_URL changed since — certificates signed for the old address then no longer verify here.
 */
function ensureIssuerKey(envFile, dotenv, require, env) {
  const host = process.env.PORTAL_HOST ?? '127.0.0.1';
  const publicUrl = process.env.PUBLIC_URL || `http://${host}:${process.env.PORTAL_PORT ?? '8080'}`;
  env.PUBLIC_URL = publicUrl;
  const { issuerDid, generateIssuerKey } = require(join(ROOT, 'packages/credentials/dist/index.js'));
  const did = issuerDid(publicUrl);
  const current = dotenv.parse(readFileSync(envFile, 'utf8')).CERTIFICATE_SIGNING_KEY;
  if (current) {
    let controller;
    try {
      controller = JSON.parse(current).controller;
    } catch {
      controller = undefined;
    }
    if (controller === did) return;
    throw new Error(
      `CERTIFICATE_SIGNING_KEY in .env belongs to ${controller ?? 'no valid issuer'}, but this run's address makes the issuer ${did}.\n` +
        '  Run with the PUBLIC_URL/PORTAL_PORT the key was made for, or remove CERTIFICATE_SIGNING_KEY from .env to make a new key\n' +
        '  (certificates signed with the old key then stop verifying).',
    );
  }
  step(`Making the certificate issuer key for ${did}…`);
  return generateIssuerKey(did).then((key) => {
    appendFileSync(
      envFile,
      [
        '',
        `# Signs certificates as ${did} (the did:web of PUBLIC_URL). Keep it secret and backed up.`,
        `CERTIFICATE_SIGNING_KEY='${JSON.stringify(key)}'`,
        '',
      ].join('\n'),
    );
    process.env.CERTIFICATE_SIGNING_KEY = JSON.stringify(key);
  });
}

/**
 * Gives the local VNeID simulator and Hocvu a matching attestation key pair: Hocvu signs completion
 * records with the private key (VNEID_ATTESTATION_SIGNING_KEY), the simulator trusts the public one
 * (VNEID_SIM_TRUSTED_JWKS). Appended to .env once; keys already there are kept.
 */
function ensureAttestationKeys(envFile, dotenv) {
  const current = dotenv.parse(readFileSync(envFile, 'utf8'));
  if (current.VNEID_SIM_TRUSTED_JWKS) return;
  let privateJwk;
  if (current.VNEID_ATTESTATION_SIGNING_KEY) {
    privateJwk = JSON.parse(current.VNEID_ATTESTATION_SIGNING_KEY);
  } else {
    const { privateKey } = generateKeyPairSync('ed25519');
    privateJwk = privateKey.export({ format: 'jwk' });
  }
  const { x } = createPublicKey(createPrivateKey({ key: privateJwk, format: 'jwk' })).export({
    format: 'jwk',
  });
  // RFC 7638 thumbprint: the key id Hocvu's attestation adapter sends by default.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
  const lines = [
    '',
    '# VNeID attestations: Hocvu signs with the private key, the VNeID simulator trusts the public one.',
  ];
  if (!current.VNEID_ATTESTATION_SIGNING_KEY) {
    lines.push(
      `VNEID_ATTESTATION_SIGNING_KEY='${JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, d: privateJwk.d, kid })}'`,
    );
  }
  lines.push(
    `VNEID_SIM_TRUSTED_JWKS='${JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid }] })}'`,
    '',
  );
  appendFileSync(envFile, lines.join('\n'));
}

async function waitForUrl(url, timeoutMs, alsoUp = []) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok || alsoUp.includes(response.status)) return;
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

import { generateAttestationKeyPair } from '@hocvu/attestation';
import { startVneidSimulatorProcess } from '@hocvu/attestation/testing';
import { generateIssuerKey, issuerDid } from '@hocvu/credentials';
import { createTestResources, dropTestResources, testEncryptionKeys } from '@hocvu/server-kit/testing';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see apps/api data-source-options.ts)
import { MIGRATIONS } from '../../migrations';
import { E2E_API_PORT, E2E_API_URL, E2E_PORTAL_PORT, E2E_PORTAL_URL } from './stack';

const ROOT = join(__dirname, '../..');
const API_MAIN = join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const API_CLI = join(ROOT, 'apps/api/dist/apps/api/src/cli.js');
const WORKER_MAIN = join(ROOT, 'apps/worker/dist/apps/worker/src/main.js');
const VNEID_MAIN = join(ROOT, 'apps/vneid-sim/dist/apps/vneid-sim/src/main.js');
/** Uploaded and transcoded videos of the run (the API and the worker share the folder); under tmp/, ignored by git. */
const MEDIA_ROOT = join(ROOT, 'tmp/e2e-media');

/** Starts the whole stack on a fresh database; returns the teardown Playwright calls at the end. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const builtApps = [API_MAIN, WORKER_MAIN, join(ROOT, 'apps/portal/dist/index.html'), VNEID_MAIN];
  for (const built of builtApps) {
    if (!existsSync(built)) throw new Error(`${built} is missing: build first (npx nx run-many -t build)`);
  }
  const resources = await createTestResources('e2e', MIGRATIONS);
  // The VNeID stand-in, on a free port, sending browsers back to this run's portal.
  // Hocvu signs attestations with the private half; the simulator trusts the public one.
  const attestationKeys = await generateAttestationKeyPair();
  const vneid = await startVneidSimulatorProcess({
    fromBuild: true,
    env: {
      VNEID_SIM_REDIRECT_URIS: `${E2E_PORTAL_URL}/api/auth/vneid/callback`,
      VNEID_SIM_TRUSTED_JWKS: JSON.stringify({ keys: [attestationKeys.publicJwk] }),
    },
  });
  // Certificates of this run are signed as the did:web of its portal address.
  const issuerKey = await generateIssuerKey(issuerDid(E2E_PORTAL_URL));
  rmSync(MEDIA_ROOT, { recursive: true, force: true });
  mkdirSync(MEDIA_ROOT, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: resources.databaseUrl,
    REDIS_URL: resources.redisUrl,
    REDIS_PREFIX: resources.redisPrefix,
    JWT_ACCESS_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEYS: testEncryptionKeys(resources.databaseName),
    DATA_ENCRYPTION_ACTIVE_KEY_ID: 'test',
    DATA_LOOKUP_KEY_ID: 'test',
    API_PORT: String(E2E_API_PORT),
    PUBLIC_URL: E2E_PORTAL_URL,
    VNEID_ISSUER: vneid.url,
    VNEID_ATTESTATION_URL: vneid.url,
    VNEID_ATTESTATION_SIGNING_KEY: JSON.stringify(attestationKeys.privateJwk),
    CERTIFICATE_SIGNING_KEY: JSON.stringify(issuerKey),
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    PORTAL_PORT: String(E2E_PORTAL_PORT),
    API_URL: E2E_API_URL,
    STORAGE_DRIVER: 'local',
    STORAGE_PATH: join(MEDIA_ROOT, 'storage'),
    UPLOAD_PATH: join(MEDIA_ROOT, 'uploads'),
  };
  const seed = spawnSync('node', [API_CLI, 'seed'], { cwd: ROOT, env, encoding: 'utf8' });
  if (seed.status !== 0) {
    await vneid.stop();
    throw new Error(`seed failed: ${seed.stderr}`);
  }

  const children: ChildProcess[] = [
    spawn('node', ['--max-old-space-size=192', API_MAIN], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
    spawn('node', [WORKER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] }),
    spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', 'apps/portal'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  ];
  const teardown = async (): Promise<void> => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await vneid.stop();
    await dropTestResources(resources);
  };
  try {
    await waitFor(`${E2E_API_URL}/api/health`);
    await waitFor(`${E2E_PORTAL_URL}/`);
    await waitFor(`${E2E_PORTAL_URL}/api/health`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

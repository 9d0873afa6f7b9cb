// Shared by the benchmark scripts: a throw-away database and the environment the built API runs with.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT } from '../lib/process.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const { generateIssuerKey, issuerDid } = require(join(ROOT, 'packages/credentials/dist/index.js'));
const BENCH_PUBLIC_URL = 'http://127.0.0.1:8080';
// Production refuses to start without a certificate issuer key for its PUBLIC_URL.
const BENCH_ISSUER_KEY = JSON.stringify(await generateIssuerKey(issuerDid(BENCH_PUBLIC_URL)));

export const ADMIN_PG_URL = process.env.HOCVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function psql(sql) {
  const result = spawnSync('psql', [ADMIN_PG_URL, '-q', '-c', sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

/** Creates an empty database; returns its URL and a function that drops it. */
export function benchDatabase() {
  const name = `hocvu_bench_${Date.now().toString(36)}`;
  psql(`CREATE DATABASE ${name}`);
  return {
    url: Object.assign(new URL(ADMIN_PG_URL), { pathname: `/${name}` }).toString(),
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Production-like settings with fresh secrets; sign-in limits lifted (all load comes from one address). */
export function benchEnv(databaseUrl, apiPort) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `hocvu-bench-${Date.now().toString(36)}`,
    JWT_ACCESS_SECRET: randomBytes(48).toString('base64'),
    DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PUBLIC_URL: BENCH_PUBLIC_URL,
    CERTIFICATE_SIGNING_KEY: BENCH_ISSUER_KEY,
    // Attestations off unless a benchmark sets its own simulator and key (the certificates one does).
    VNEID_ATTESTATION_URL: '',
    API_PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000000',
  };
}

/** Applies the migrations of the built API to the benchmark's database. */
export function migrateBenchDatabase(root, env) {
  const migrate = spawnSync('node', ['apps/api/dist/apps/api/src/cli.js', 'migrate'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
}

/** Resolves once the API at `base` answers its health check. */
export async function waitForApi(base) {
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** CPU seconds of every PostgreSQL process (server and backends) on this machine. */
export function postgresCpuSeconds() {
  const result = spawnSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' });
  return (result.stdout ?? '')
    .split('\n')
    .filter(Boolean)
    .reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

/**
 * Runs `work` and says where the machine's CPU went meanwhile: the API process, PostgreSQL, and
 * this process (the load generator), as shares of one core. Tells a framework bottleneck from a
 * database one from a saturated load generator.
 */
export async function withCpuSplit(apiPid, work) {
  // One API process or several (a cluster's workers): their CPU is added up.
  const pids = [apiPid].flat();
  const apiCpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const started = Date.now();
  const before = { api: apiCpu(), pg: postgresCpuSeconds(), self: process.cpuUsage() };
  const result = await work();
  const seconds = (Date.now() - started) / 1000;
  const self = process.cpuUsage(before.self);
  const share = (value) => `${Math.round((value / seconds) * 100)} %`;
  console.log(
    `  CPU (100 % = one core): API ${share(apiCpu() - before.api)}, PostgreSQL ${share(postgresCpuSeconds() - before.pg)}, ` +
      `load generator ${share((self.user + self.system) / 1e6)}`,
  );
  return result;
}

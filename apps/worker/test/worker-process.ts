import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { WorkerConfig } from '../src/config/worker-config';

export interface WorkerProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, leases and job locks stay as they were. */
  kill(): Promise<void>;
}

/**
 * Starts apps/worker/test/certificate-worker.child.ts as a real process with `config`'s connections
 * and keys plus `env` (worker settings, TEST_* switches); resolves once it serves its queues.
 */
export function startWorkerProcess(
  config: WorkerConfig,
  env: Record<string, string>,
): Promise<WorkerProcess> {
  const root = join(__dirname, '../../..');
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(root, 'packages/tooling/src/register-ts.cjs'),
      join(__dirname, 'certificate-worker.child.ts'),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: config.DATABASE_URL,
        REDIS_URL: config.REDIS_URL,
        REDIS_PREFIX: config.REDIS_PREFIX,
        PUBLIC_URL: config.PUBLIC_URL,
        DATA_ENCRYPTION_KEYS: config.DATA_ENCRYPTION_KEYS,
        DATA_ENCRYPTION_ACTIVE_KEY_ID: config.DATA_ENCRYPTION_ACTIVE_KEY_ID,
        DATA_LOOKUP_KEY_ID: config.DATA_LOOKUP_KEY_ID,
        CERTIFICATE_SIGNING_KEY: config.CERTIFICATE_SIGNING_KEY,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`The worker process did not start within 30 s:\n${output}`));
    }, 30_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The worker process exited (${code}) before it was ready:\n${output}`));
    };
    child.once('exit', onExit);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.split('\n').includes('ready')) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining both pipes so the child never blocks on a full one.
      child.stdout?.off('data', collect);
      child.stderr?.off('data', collect);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ child, kill });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });
}

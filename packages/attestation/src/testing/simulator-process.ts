import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The simulator's admin token when `VNEID_SIM_ADMIN_TOKEN` is not set (local use only). */
export const VNEID_SIM_DEFAULT_ADMIN_TOKEN = 'vneid-sim-admin';

/** The line the simulator prints once it accepts requests; the URL follows it. */
export const VNEID_SIM_READY_LINE = 'VNeID simulator listening on ';

export interface SimulatorProcessOptions {
  /** VNEID_SIM_* variables for the child (port 0 = a free port, the default here). */
  env?: Record<string, string>;
  /** Run the built app (apps/vneid-sim/dist) instead of its TypeScript sources compiled on the fly. */
  fromBuild?: boolean;
  startTimeoutMs?: number;
}

export interface SimulatorProcess {
  /** Base URL: issuer, attestation API and admin API. */
  url: string;
  adminToken: string;
  child: ChildProcess;
  /** SIGTERM, then wait for the process to exit. */
  stop(): Promise<void>;
}

// packages/attestation/src/testing as source, packages/attestation/dist/testing when built: same depth.
const ROOT = join(__dirname, '../../../..');

/**
 * Starts the VNeID simulator as its own process, for tests of other apps (which may not import an app).
 * Apps that can, like the simulator's own tests, start it in-process instead.
 */
export function startVneidSimulatorProcess(options: SimulatorProcessOptions = {}): Promise<SimulatorProcess> {
  const args = options.fromBuild
    ? [join(ROOT, 'apps/vneid-sim/dist/apps/vneid-sim/src/main.js')]
    : ['-r', join(ROOT, 'packages/tooling/src/register-ts.cjs'), join(ROOT, 'apps/vneid-sim/src/main.ts')];
  const main = args[args.length - 1];
  if (!existsSync(main)) {
    return Promise.reject(
      new Error(`${main} not found${options.fromBuild ? ' (run: npx nx run vneid-sim:build)' : ''}`),
    );
  }
  const env: Record<string, string> = {
    VNEID_SIM_PORT: '0',
    VNEID_SIM_LOG_LEVEL: 'warn',
    VNEID_SIM_ADMIN_TOKEN: VNEID_SIM_DEFAULT_ADMIN_TOKEN,
    ...options.env,
  };
  const adminToken = env['VNEID_SIM_ADMIN_TOKEN'];
  const child = spawn(process.execPath, args, {
    // Not the repository root: the simulator reads ./.env, and a developer's .env must not change tests.
    cwd: join(ROOT, 'apps/vneid-sim'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(
          `The VNeID simulator did not start within ${options.startTimeoutMs ?? 20_000} ms:\n${output}`,
        ),
      );
    }, options.startTimeoutMs ?? 20_000);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`The VNeID simulator exited (${code ?? signal}) before it was ready:\n${output}`));
    };
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith(VNEID_SIM_READY_LINE));
      if (!line) return;
      // Ready: stop collecting, but keep draining both pipes so the child never blocks on a full one.
      clearTimeout(timer);
      child.off('exit', onExit);
      for (const stream of [child.stdout, child.stderr]) {
        stream?.off('data', collect);
        stream?.resume();
      }
      resolve({ url: line.slice(VNEID_SIM_READY_LINE.length).trim(), adminToken, child, stop });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', onExit);
  });
}

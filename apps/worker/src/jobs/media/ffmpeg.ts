import { spawn } from 'node:child_process';

export class ProcessFailedError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${command} exited with ${exitCode}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** Children still running, so a shutting-down worker can stop them instead of orphaning them. */
const running = new Set<ReturnType<typeof spawn>>();

/** Waits up to `graceMs` for running children to finish, then kills the rest. */
export async function stopMediaProcesses(graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Runs ffmpeg/ffprobe without a shell (arguments are never interpolated into a command line).
 * stdout lines go to `onStdout` (ffmpeg's `-progress pipe:1`); stderr is kept for the error.
 */
export function runMediaTool(
  executable: string,
  args: string[],
  onStdout?: (chunk: string) => void,
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (onStdout) onStdout(chunk);
      else stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // The tail is what explains a failure; keep memory bounded on chatty inputs.
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', (error) => {
      running.delete(child);
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error(
              `${executable} not found: install ffmpeg (apt-get install ffmpeg) or set FFMPEG_PATH/FFPROBE_PATH`,
            )
          : error,
      );
    });
    child.on('close', (code) => {
      running.delete(child);
      if (code === 0) resolve({ stdout });
      else reject(new ProcessFailedError(executable, code, stderr));
    });
  });
}

import { safePath, seconds as formatSeconds } from './args';

export interface SyntheticClip {
  seconds: number;
  width?: number;
  height?: number;
  /** A 440 Hz tone as the sound track (default true). */
  audio?: boolean;
  /** x264 preset; ultrafast for tests, slower for a benchmark source closer to a real upload. */
  preset?: string;
}

/**
 * ffmpeg arguments for a test clip made from ffmpeg's own sources (moving colour bars and a
 * tone): tests, end-to-end runs and benchmarks generate their videos at run time instead of
 * keeping binaries in the repository.
 */
export function syntheticClipArgs(output: string, clip: SyntheticClip): string[] {
  const { width = 1280, height = 720, audio = true, preset = 'ultrafast' } = clip;
  return [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=25`,
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'] : []),
    '-t',
    formatSeconds(clip.seconds),
    '-c:v',
    'libx264',
    '-preset',
    preset,
    '-pix_fmt',
    'yuv420p',
    ...(audio ? ['-c:a', 'aac'] : []),
    safePath(output),
  ];
}

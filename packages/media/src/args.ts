/** Small helpers shared by the argument builders (internal: not re-exported from the package). */

/**
 * ffmpeg and ffprobe read an argument starting with "-" as an option, so a relative path such as
 * "-clip.mp4" becomes "./-clip.mp4" (the same file). Other paths pass through unchanged.
 */
export function safePath(path: string): string {
  return path.startsWith('-') ? `./${path}` : path;
}

/** Seconds for an ffmpeg time option: at most millisecond precision, no exponent, no trailing zeros. */
export function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

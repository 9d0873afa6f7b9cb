/**
 * The HLS ladder: which renditions a lesson video is transcoded into, and the ffmpeg arguments that produce
 * all of them (plus an audio-only rendition for the weakest connections) in one pass, with segments that
 * start on the same keyframes in every rendition so a player can switch between them at any boundary.
 * Also the poster frame and the parsing of ffmpeg's `-progress` output. Pure functions: the worker runs
 * ffmpeg. Written for and checked against Debian's ffmpeg 5.1.
 */
import { safePath, seconds } from './args';
import type { ProbeResult } from './probe';

/** One video rendition. Bitrates in kbit/s; `name` is also its folder name and its name in the playlist. */
export interface VideoRung {
  name: string;
  height: number;
  videoKbps: number;
  /** Peak video bitrate the encoder may reach (x264 VBV). */
  maxrateKbps: number;
  /** VBV buffer: how long a peak may last, in kbit (2 × bitrate ≈ 2 s of smoothing). */
  bufsizeKbps: number;
  audioKbps: number;
}

export interface LadderSettings {
  /** Target HLS segment length; every segment starts with a keyframe at a multiple of this. */
  segmentSeconds: number;
  rungs: VideoRung[];
  /** Bitrate of the audio-only rendition (only made when the source has sound). */
  audioOnlyKbps: number;
  /** x264 preset: speed against compression. */
  preset: string;
}

/** Folder and playlist name of the audio-only rendition. */
export const AUDIO_ONLY_RUNG = 'audio';
/** Same value as {@link AUDIO_ONLY_RUNG}, under the other name callers may use. */
export const audioOnlyRungName: string = AUDIO_ONLY_RUNG;

/** Name of the master playlist ffmpeg writes in the output folder; variants are `<rung>/index.m3u8`. */
export const MASTER_PLAYLIST = 'master.m3u8';

/**
 * Frame-rate cap for every rendition (`-fpsmax`): 60 fps phone and screen recordings become 30 fps, which
 * the low bitrates can afford; 24/25/30 fps sources are left alone. (50 fps also becomes 30, by dropping
 * frames unevenly, which is visible only in fast motion.)
 */
export const MAX_FRAME_RATE = 30;

/**
 * Bitrates for learners on phones over 3G/4G: the lowest rung (~130 kbit/s with sound) still plays on a
 * weak 3G link, 720p (~1.6 Mbit/s) is the most a lesson (slides, a speaker, a phone screen) needs. Peaks
 * are capped at 1.2 × the average, buffers at 2 × so short bursts are smoothed over about two seconds.
 */
export const DEFAULT_LADDER: LadderSettings = {
  segmentSeconds: 4,
  rungs: [
    { name: '144p', height: 144, videoKbps: 95, maxrateKbps: 115, bufsizeKbps: 190, audioKbps: 32 },
    { name: '240p', height: 240, videoKbps: 200, maxrateKbps: 240, bufsizeKbps: 400, audioKbps: 48 },
    { name: '360p', height: 360, videoKbps: 400, maxrateKbps: 480, bufsizeKbps: 800, audioKbps: 64 },
    { name: '480p', height: 480, videoKbps: 750, maxrateKbps: 900, bufsizeKbps: 1500, audioKbps: 96 },
    { name: '720p', height: 720, videoKbps: 1500, maxrateKbps: 1800, bufsizeKbps: 3000, audioKbps: 128 },
  ],
  audioOnlyKbps: 48,
  preset: 'veryfast',
};

/**
 * The rungs worth making for this source, lowest first: those no taller than the source (never upscale).
 * A source shorter than the lowest rung gets a single rung at its own height (rounded down to an even
 * number, as H.264 in 4:2:0 needs) with the lowest rung's bitrates, named like the others ("120p").
 */
export function selectRungs(settings: LadderSettings, probe: ProbeResult): VideoRung[] {
  const sorted = [...settings.rungs].sort((a, b) => a.height - b.height);
  const fitting = sorted.filter((rung) => rung.height <= probe.height);
  if (fitting.length > 0 || sorted.length === 0) return fitting;
  const height = Math.max(2, Math.floor(probe.height / 2) * 2);
  return [{ ...sorted[0], name: `${height}p`, height }];
}

/**
 * Arguments for ONE ffmpeg run that writes, under `outputDir`:
 *
 *     master.m3u8                       lists every rendition (BANDWIDTH, RESOLUTION, CODECS)
 *     <rung>/index.m3u8, seg_00000.ts…  one folder per video rung ("144p", "360p", …), H.264 + AAC
 *     audio/index.m3u8, seg_00000.ts…   AAC only, when the source has sound
 *
 * The source video is decoded once and `split` into one scaler per rung. Keyframes are forced every
 * `segmentSeconds` (and only there: no scene-cut keyframes), so segment N covers the same time span in
 * every rendition. Progress goes to stdout (`-progress pipe:1`, see {@link parseProgress}), errors to stderr.
 */
export function hlsLadderArgs(
  settings: LadderSettings,
  probe: ProbeResult,
  inputPath: string,
  outputDir: string,
): string[] {
  const rungs = selectRungs(settings, probe);
  if (rungs.length === 0) throw new Error('The ladder has no rungs.');
  for (const rung of rungs) assertRungName(rung.name);
  if (!(settings.segmentSeconds > 0)) throw new Error('segmentSeconds must be positive.');
  const dir = outputDirPrefix(outputDir);
  const seg = seconds(settings.segmentSeconds);

  // `0:V:0` (capital V) is the first video stream that is not cover art, the one interpretProbe describes.
  const scalers = rungs.map((rung, i) => `[s${i}]scale=-2:${rung.height}[v${i}]`);
  const filter =
    rungs.length === 1
      ? `[0:V:0]scale=-2:${rungs[0].height}[v0]`
      : `[0:V:0]split=${rungs.length}${rungs.map((_, i) => `[s${i}]`).join('')};${scalers.join(';')}`;

  const streams: string[] = [];
  const variants: string[] = [];
  rungs.forEach((rung, i) => {
    streams.push(
      '-map',
      `[v${i}]`,
      `-b:v:${i}`,
      `${rung.videoKbps}k`,
      `-maxrate:v:${i}`,
      `${rung.maxrateKbps}k`,
      `-bufsize:v:${i}`,
      `${rung.bufsizeKbps}k`,
    );
    if (probe.hasAudio) {
      // Each variant carries its own copy of the sound at its own bitrate: audio stream i goes with video i.
      streams.push('-map', '0:a:0', `-b:a:${i}`, `${rung.audioKbps}k`);
      variants.push(`v:${i},a:${i},name:${rung.name}`);
    } else {
      variants.push(`v:${i},name:${rung.name}`);
    }
  });
  if (probe.hasAudio) {
    const a = rungs.length;
    streams.push('-map', '0:a:0', `-b:a:${a}`, `${settings.audioOnlyKbps}k`);
    variants.push(`a:${a},name:${AUDIO_ONLY_RUNG}`);
  }

  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-y'],
    ...['-i', safePath(inputPath)],
    ...['-filter_complex', filter],
    ...streams,
    // Video, the same for every rung: H.264 Main (every phone decodes it), 8-bit 4:2:0.
    ...['-c:v', 'libx264', '-preset', settings.preset, '-profile:v', 'main', '-pix_fmt', 'yuv420p'],
    ...['-fpsmax', String(MAX_FRAME_RATE)],
    // Keyframes exactly at multiples of the segment length, none elsewhere: -g is only an upper bound
    // (a segment's worth of frames at 60 fps) and scene-cut detection is off.
    ...['-force_key_frames', `expr:gte(t,n_forced*${seg})`, '-sc_threshold', '0'],
    ...['-g', String(Math.max(1, Math.round(settings.segmentSeconds * 60)))],
    // Sound: AAC-LC stereo at 48 kHz in every rendition, so switching never changes the audio format.
    ...(probe.hasAudio ? ['-c:a', 'aac', '-ac', '2', '-ar', '48000'] : []),
    ...['-f', 'hls', '-hls_time', seg, '-hls_playlist_type', 'vod'],
    ...['-hls_flags', 'independent_segments', '-hls_segment_type', 'mpegts'],
    ...['-master_pl_name', MASTER_PLAYLIST],
    ...['-hls_segment_filename', `${dir}%v/seg_%05d.ts`],
    ...['-var_stream_map', variants.join(' ')],
    `${dir}%v/index.m3u8`,
  ];
}

/** Largest poster height; smaller sources keep their own. */
export const POSTER_MAX_HEIGHT = 720;

/**
 * Arguments for one JPEG poster frame taken at 1 s (or at 10 % of the video when it is shorter than 10 s,
 * so it is not the black first frame), scaled down to at most 720 pixels high.
 */
export function posterArgs(probe: ProbeResult, inputPath: string, outputFile: string): string[] {
  const at = Math.min(1, Math.max(0, probe.durationSeconds * 0.1));
  const height = Math.min(POSTER_MAX_HEIGHT, probe.height > 0 ? probe.height : POSTER_MAX_HEIGHT);
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
    // -ss before -i seeks in the input (fast, and exact since ffmpeg decodes up to the time).
    ...['-ss', seconds(at), '-i', safePath(inputPath)],
    ...['-map', '0:V:0', '-an', '-sn', '-dn'],
    ...['-vf', `scale=-2:${height}`, '-frames:v', '1', '-q:v', '4'],
    // One image, written under exactly the given name (no %d pattern, no extension needed).
    ...['-f', 'image2', '-update', '1', '-c:v', 'mjpeg'],
    safePath(outputFile),
  ];
}

/**
 * Percent done (0..100, integer) from a chunk of ffmpeg's `-progress` output, i.e. blocks of `key=value`
 * lines. Uses the LAST position in the chunk: `out_time_us=` or `out_time_ms=` (despite its name also in
 * microseconds, an old ffmpeg quirk), or `progress=end`, which means 100. Returns null when the chunk
 * holds no position (or only "N/A"), or when the duration is unknown and the run has not ended.
 *
 * A stdout chunk may end in the middle of a line; give this complete lines (or keep the highest value
 * seen), since a cut-off number reads as a smaller one.
 */
export function parseProgress(chunk: string, durationSeconds: number): number | null {
  let percent: number | null = null;
  for (const rawLine of chunk.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === 'progress=end') {
      percent = 100;
      continue;
    }
    const match = /^out_time_(?:us|ms)=(-?\d+)$/.exec(line);
    if (!match || !(durationSeconds > 0)) continue;
    const doneSeconds = Number(match[1]) / 1_000_000;
    percent = Math.min(100, Math.max(0, Math.floor((doneSeconds / durationSeconds) * 100)));
  }
  return percent;
}

/** Rung names become folder names and go into `-var_stream_map`, where spaces, commas and colons split. */
function assertRungName(name: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`Rung name "${name}" must use only letters, digits, "-" and "_".`);
  }
  if (name === AUDIO_ONLY_RUNG) throw new Error(`Rung name "${name}" is kept for the audio-only rendition.`);
}

/** `outputDir` with one trailing slash. ffmpeg expands `%` in these names, so a `%` in it is refused. */
function outputDirPrefix(outputDir: string): string {
  if (outputDir === '') throw new Error('outputDir is empty.');
  if (outputDir.includes('%')) throw new Error('outputDir must not contain "%".');
  return `${safePath(outputDir.replace(/\/+$/, ''))}/`;
}

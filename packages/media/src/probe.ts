/**
 * ffprobe invocation and interpretation: which arguments to run ffprobe with, and whether what it printed
 * describes a lesson video we accept. Pure functions; the worker runs the process and passes its stdout in.
 */
import { safePath } from './args';

/** What the rest of the pipeline needs to know about an accepted upload. */
export interface ProbeResult {
  durationSeconds: number;
  /** Display width in pixels, i.e. after applying the rotation a phone recorded in the metadata. */
  width: number;
  /** Display height in pixels, after rotation (a portrait phone clip stored as 1920×1080 is 1080×1920). */
  height: number;
  hasAudio: boolean;
  /** ffprobe's codec_name of the video stream, e.g. "h264", "hevc", "vp9". */
  videoCodec: string;
}

/** Limits an upload must respect; the caller takes them from configuration. */
export interface ProbeLimits {
  maxDurationSeconds: number;
  maxWidth: number;
  maxHeight: number;
}

/** Why an upload was refused. The API maps each code to text in the learner's or teacher's language. */
export const VideoRejection = {
  Unreadable: 'VIDEO_UNREADABLE',
  NoVideoStream: 'VIDEO_NO_VIDEO_STREAM',
  Empty: 'VIDEO_EMPTY',
  TooLong: 'VIDEO_TOO_LONG',
  ResolutionTooHigh: 'VIDEO_RESOLUTION_TOO_HIGH',
} as const;
export type VideoRejection = (typeof VideoRejection)[keyof typeof VideoRejection];

export type ProbeOutcome =
  { ok: true; probe: ProbeResult } | { ok: false; code: VideoRejection; message: string };

/** Anything shorter than this is not a lesson (and too short to cut into even one HLS segment). */
export const MIN_VIDEO_SECONDS = 0.5;

/**
 * Arguments for `ffprobe` that print the container and every stream as JSON on stdout:
 * `-v error -print_format json -show_format -show_streams <input>`.
 */
export function ffprobeArgs(inputPath: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', safePath(inputPath)];
}

/**
 * Decides whether ffprobe's output (the parsed JSON object, or the raw stdout string) describes a video we
 * accept, checking in this order: readable at all, has a real video stream (not cover art, not a still
 * image), has a duration of at least half a second, not longer than allowed, not larger than allowed.
 */
export function interpretProbe(ffprobeJson: unknown, limits: ProbeLimits): ProbeOutcome {
  const root = asRecord(typeof ffprobeJson === 'string' ? parseJson(ffprobeJson) : ffprobeJson);
  const format = asRecord(root?.format);
  if (!root || !format) {
    return reject(VideoRejection.Unreadable, 'The file could not be read as a video.');
  }

  const streams = Array.isArray(root.streams) ? root.streams.map(asRecord).filter(isDefined) : [];
  // A still image (PNG, JPEG, …) probes as a one-frame "video" stream in an image demuxer.
  const formatNames = (typeof format.format_name === 'string' ? format.format_name : '')
    .split(',')
    .map((name) => name.trim());
  if (formatNames.some(isStillImageFormat)) {
    return reject(VideoRejection.NoVideoStream, 'The file is a still image, not a video.');
  }
  // The first video stream that is not an attached picture (the cover art of an MP3 or M4A), the same one
  // ffmpeg's `0:V:0` stream specifier selects when transcoding.
  const video = streams.find(
    (stream) => stream.codec_type === 'video' && asRecord(stream.disposition)?.attached_pic !== 1,
  );
  if (!video) {
    return reject(VideoRejection.NoVideoStream, 'The file has no video track.');
  }

  const durationSeconds = pickDuration(format, video, streams);
  if (durationSeconds === undefined || durationSeconds < MIN_VIDEO_SECONDS) {
    return reject(VideoRejection.Empty, 'The video is empty or shorter than half a second.');
  }
  if (durationSeconds > limits.maxDurationSeconds) {
    return reject(
      VideoRejection.TooLong,
      `The video lasts ${formatDuration(durationSeconds)}; the longest allowed is ${formatDuration(limits.maxDurationSeconds)}.`,
    );
  }

  const codedWidth = positiveInteger(video.width);
  const codedHeight = positiveInteger(video.height);
  if (codedWidth === undefined || codedHeight === undefined) {
    return reject(VideoRejection.Unreadable, 'The size of the video picture could not be read.');
  }
  const sideways = isSideways(rotationDegrees(video));
  const width = sideways ? codedHeight : codedWidth;
  const height = sideways ? codedWidth : codedHeight;
  if (width > limits.maxWidth || height > limits.maxHeight) {
    return reject(
      VideoRejection.ResolutionTooHigh,
      `The video is ${width}×${height} pixels; the largest allowed is ${limits.maxWidth}×${limits.maxHeight}.`,
    );
  }

  return {
    ok: true,
    probe: {
      durationSeconds,
      width,
      height,
      hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
      videoCodec: typeof video.codec_name === 'string' ? video.codec_name : 'unknown',
    },
  };
}

type JsonRecord = Record<string, unknown>;

function reject(code: VideoRejection, message: string): ProbeOutcome {
  return { ok: false, code, message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * ffmpeg's image demuxers: `image2` (a file named .png/.jpg/…) and the `*_pipe` family (`png_pipe`,
 * `jpeg_pipe`, `webp_pipe`, …) it picks when it recognises an image by its content.
 */
function isStillImageFormat(formatName: string): boolean {
  return formatName === 'image2' || formatName === 'image2pipe' || formatName.endsWith('_pipe');
}

/** ffprobe prints numbers as strings ("6.000000") and "N/A" when unknown; both forms are accepted. */
function finiteNumber(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const n = finiteNumber(value);
  return n !== undefined && n > 0 ? Math.round(n) : undefined;
}

/** The container's duration when it has one, else the video stream's, else the longest of any stream. */
function pickDuration(format: JsonRecord, video: JsonRecord, streams: JsonRecord[]): number | undefined {
  const candidates = [finiteNumber(format.duration), finiteNumber(video.duration)];
  const known = candidates.find((d) => d !== undefined && d > 0);
  if (known !== undefined) return known;
  const fromStreams = streams.map((s) => finiteNumber(s.duration)).filter(isDefined);
  return fromStreams.length > 0 ? Math.max(...fromStreams) : undefined;
}

/**
 * The rotation a player applies when showing the stream. ffmpeg 5.x reports it in the display matrix side
 * data (`side_data_list[].rotation`, e.g. -90); older muxers and ffmpeg versions in the `rotate` tag.
 */
function rotationDegrees(video: JsonRecord): number {
  const sideData = Array.isArray(video.side_data_list) ? video.side_data_list : [];
  for (const entry of sideData) {
    const rotation = finiteNumber(asRecord(entry)?.rotation);
    if (rotation !== undefined) return rotation;
  }
  return finiteNumber(asRecord(video.tags)?.rotate) ?? 0;
}

/** True for a quarter turn either way (90, -90, 270, -270, …), which swaps width and height. */
function isSideways(degrees: number): boolean {
  const quarterTurns = Math.round(degrees / 90);
  return Math.abs(quarterTurns) % 2 === 1;
}

/** "1 h 05 min 03 s", "4 min 10 s", "12 s": for messages only. */
function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min ${String(s).padStart(2, '0')} s`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

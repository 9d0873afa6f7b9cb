/** Video vocabulary shared by the API, the worker and the portal. */
export const VideoStatus = {
  /** Uploaded; waiting for a worker. */
  Queued: 'queued',
  /** A worker is probing and transcoding it (progress in percent). */
  Processing: 'processing',
  /** Renditions published; playable. */
  Ready: 'ready',
  /** Rejected (not a video, too long…) or transcoding failed for good; `errorCode` says why. */
  Failed: 'failed',
} as const;
export type VideoStatus = (typeof VideoStatus)[keyof typeof VideoStatus];

/** Largest upload accepted, in bytes (2 GiB). */
export const VIDEO_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** Longest video accepted, in seconds: the campaign's lessons are short; one hour is a hard stop. */
export const VIDEO_MAX_DURATION_SECONDS = 60 * 60;
/** Largest source frame accepted (4K); anything bigger is almost certainly a mistake. */
export const VIDEO_MAX_WIDTH = 3840;
export const VIDEO_MAX_HEIGHT = 2160;
/** Share of a video a learner must have watched for the lesson to complete, unless the course says otherwise. */
export const DEFAULT_VIDEO_COMPLETION_PERCENT = 90;
/** Fastest playback speed the player offers; heartbeats claiming more watching than this allows are refused. */
export const MAX_PLAYBACK_RATE = 2;
/** Largest caption file accepted, in bytes. */
export const CAPTION_MAX_BYTES = 1024 * 1024;

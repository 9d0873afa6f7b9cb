import { CAPTION_MAX_BYTES, VIDEO_UPLOAD_MAX_BYTES } from '@hocvu/contracts';

/**
 * What the portal checks about a chosen file before sending it, so a teacher hears why at once rather
 * than after a long upload. The limits are the API's own, from the contracts.
 */

/**
 * Extensions accepted when the phone gives no type at all (some Android file pickers do for files
 * from a memory card); anything with a type must say `video/…`.
 */
const VIDEO_EXTENSIONS = [
  'mp4',
  'm4v',
  'mov',
  'mkv',
  'webm',
  'avi',
  '3gp',
  '3g2',
  'mpg',
  'mpeg',
  'ts',
  'wmv',
];

export type VideoFileProblem = 'notVideo' | 'empty' | 'tooLarge';

export function checkVideoFile(file: { name: string; type: string; size: number }): VideoFileProblem | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const isVideo = file.type ? file.type.startsWith('video/') : VIDEO_EXTENSIONS.includes(extension);
  if (!isVideo) return 'notVideo';
  if (file.size === 0) return 'empty';
  if (file.size > VIDEO_UPLOAD_MAX_BYTES) return 'tooLarge';
  return null;
}

/** The MIME type sent as `filetype` metadata; files the picker left untyped are sent as generic video. */
export function videoFileType(file: { type: string }): string {
  return file.type || 'video/*';
}

export type CaptionFileProblem = 'notVtt' | 'empty' | 'tooLarge';

export function checkCaptionFileSize(file: { size: number }): CaptionFileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > CAPTION_MAX_BYTES) return 'tooLarge';
  return null;
}

/** A WebVTT file starts with "WEBVTT" (after an optional byte-order mark), then a space, tab or line end. */
export function looksLikeWebVtt(text: string): boolean {
  return /^\uFEFF?WEBVTT(?:[ \t]|\r?\n|\r|$)/.test(text);
}

/**
 * Whether tus should try a failed request again. As tus-js-client does by default (no answer, a
 * server fault, 409 or 423 mean "try again"; other refusals are final; never while offline), and
 * also once on 401: the access token expired in flight, and the next attempt fetches a fresh one.
 */
export function shouldRetryUpload(status: number, retryAttempt: number, online: boolean): boolean {
  if (!online) return false;
  if (status === 401) return retryAttempt === 0;
  return status === 0 || status >= 500 || status === 409 || status === 423;
}

/** Megabytes with one decimal below 10, whole above: "3,5 MB", "512 MB", "1.536 MB". */
export function formatMegabytes(bytes: number, language: string): string {
  const megabytes = bytes / 1024 ** 2;
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: megabytes < 10 ? 1 : 0,
  }).format(megabytes);
}

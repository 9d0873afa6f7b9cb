import { VIDEO_UPLOAD_MAX_BYTES } from '@hocvu/contracts';
import { describe, expect, it } from '@jest/globals';

import {
  checkCaptionFileSize,
  checkVideoFile,
  formatMegabytes,
  looksLikeWebVtt,
  shouldRetryUpload,
  videoFileType,
} from './file-checks';

describe('checkVideoFile', () => {
  it('accepts video files up to 2 GB', () => {
    expect(checkVideoFile({ name: 'bai1.mp4', type: 'video/mp4', size: 10 })).toBeNull();
    expect(
      checkVideoFile({ name: 'bai1.mov', type: 'video/quicktime', size: VIDEO_UPLOAD_MAX_BYTES }),
    ).toBeNull();
  });

  it('refuses other files, empty files and files over 2 GB', () => {
    expect(checkVideoFile({ name: 'anh.jpg', type: 'image/jpeg', size: 10 })).toBe('notVideo');
    expect(checkVideoFile({ name: 'bai1.mp4', type: 'video/mp4', size: 0 })).toBe('empty');
    expect(checkVideoFile({ name: 'bai1.mp4', type: 'video/mp4', size: VIDEO_UPLOAD_MAX_BYTES + 1 })).toBe(
      'tooLarge',
    );
  });

  it('goes by the extension when the phone gives no type', () => {
    expect(checkVideoFile({ name: 'VID_2026.MP4', type: '', size: 10 })).toBeNull();
    expect(checkVideoFile({ name: 'ghi-chu.txt', type: '', size: 10 })).toBe('notVideo');
    expect(videoFileType({ type: '' })).toBe('video/*');
    expect(videoFileType({ type: 'video/mp4' })).toBe('video/mp4');
  });
});

describe('caption files', () => {
  it('must be small and not empty', () => {
    expect(checkCaptionFileSize({ size: 0 })).toBe('empty');
    expect(checkCaptionFileSize({ size: 1024 * 1024 })).toBeNull();
    expect(checkCaptionFileSize({ size: 1024 * 1024 + 1 })).toBe('tooLarge');
  });

  it('must start like WebVTT', () => {
    expect(looksLikeWebVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào')).toBe(true);
    expect(looksLikeWebVtt('\uFEFFWEBVTT - Bài 1\r\n')).toBe(true);
    expect(looksLikeWebVtt('WEBVTT')).toBe(true);
    expect(looksLikeWebVtt('1\n00:00:00,000 --> 00:00:01,000\nXin chào')).toBe(false); // SubRip
    expect(looksLikeWebVtt('WEBVTTX')).toBe(false);
  });
});

describe('shouldRetryUpload', () => {
  it('retries what time may cure', () => {
    expect(shouldRetryUpload(0, 0, true)).toBe(true);
    expect(shouldRetryUpload(503, 4, true)).toBe(true);
    expect(shouldRetryUpload(409, 0, true)).toBe(true);
    expect(shouldRetryUpload(423, 0, true)).toBe(true);
  });

  it('retries an expired token once, with a fresh one', () => {
    expect(shouldRetryUpload(401, 0, true)).toBe(true);
    expect(shouldRetryUpload(401, 1, true)).toBe(false);
  });

  it('does not retry refusals, nor while offline', () => {
    expect(shouldRetryUpload(403, 0, true)).toBe(false);
    expect(shouldRetryUpload(413, 0, true)).toBe(false);
    expect(shouldRetryUpload(0, 0, false)).toBe(false);
  });
});

describe('formatMegabytes', () => {
  it('writes sizes the local way', () => {
    expect(formatMegabytes(3.5 * 1024 ** 2, 'vi')).toBe('3,5');
    expect(formatMegabytes(1536 * 1024 ** 2, 'vi')).toBe('1.536');
    expect(formatMegabytes(1536 * 1024 ** 2, 'en')).toBe('1,536');
  });
});

import '../video.css';

import { VIDEO_MAX_DURATION_SECONDS, VIDEO_MAX_HEIGHT, VIDEO_MAX_WIDTH } from '@hocvu/contracts';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { Alert } from '../../../shared/ui/Alert';
import { formatClock } from '../video-time';

/** The API's video statuses, and `uploading` while the file is still on its way. */
export type TranscodeStatusValue = 'uploading' | 'queued' | 'processing' | 'ready' | 'failed';

export interface TranscodeStatusProps {
  status: TranscodeStatusValue;
  progressPercent: number | null;
  errorCode: string | null;
  durationSeconds: number | null;
}

/** Why a video was refused, as the worker says it (`errorCode`), each with its own message. */
const TRANSCODE_ERROR_CODES = [
  'VIDEO_UNREADABLE',
  'VIDEO_NO_VIDEO_STREAM',
  'VIDEO_EMPTY',
  'VIDEO_TOO_LONG',
  'VIDEO_RESOLUTION_TOO_HIGH',
  'VIDEO_TRANSCODE_FAILED',
] as const;
type TranscodeErrorCode = (typeof TRANSCODE_ERROR_CODES)[number];

function isTranscodeErrorCode(code: string | null): code is TranscodeErrorCode {
  return code !== null && (TRANSCODE_ERROR_CODES as readonly string[]).includes(code);
}

export function transcodeErrorMessage(t: TFunction, code: string | null): string {
  if (!isTranscodeErrorCode(code)) return t('video.transcode.errors.unknown');
  return t(`video.transcode.errors.${code}`, {
    minutes: Math.round(VIDEO_MAX_DURATION_SECONDS / 60),
    width: VIDEO_MAX_WIDTH,
    height: VIDEO_MAX_HEIGHT,
  });
}

/**
 * Where a lesson's video is on its way to learners: uploading, waiting, processing (with a progress
 * bar), ready (with its length) or refused (with what to do about it). The sentence is a live region,
 * so a screen reader hears each change while the studio polls; the percentage is not, to stay quiet.
 */
export function TranscodeStatus({
  status,
  progressPercent,
  errorCode,
  durationSeconds,
}: TranscodeStatusProps) {
  const { t } = useTranslation();
  const progressId = useId();
  const percent = progressPercent === null ? null : Math.min(100, Math.max(0, Math.round(progressPercent)));

  return (
    <div className="transcode-status">
      <div role="status">
        {status === 'ready' ? (
          <Alert tone="success" role="none">
            {durationSeconds !== null && durationSeconds > 0
              ? t('video.transcode.readyDuration', { duration: formatClock(durationSeconds) })
              : t('video.transcode.ready')}
          </Alert>
        ) : status === 'failed' ? null : (
          <p className="transcode-status__line">
            <span className="spinner" aria-hidden="true" />
            {t(`video.transcode.${status}`)}
          </p>
        )}
      </div>
      {status === 'failed' ? (
        <Alert tone="error" title={t('video.transcode.failedTitle')}>
          <p>{transcodeErrorMessage(t, errorCode)}</p>
        </Alert>
      ) : null}
      {status === 'processing' ? (
        <>
          <label className="visually-hidden" htmlFor={progressId}>
            {t('video.transcode.progressLabel')}
          </label>
          {/* Without a value the bar shows "working" rather than a made-up 0 %. */}
          <progress id={progressId} className="meter" max={100} value={percent ?? undefined} />
          {percent !== null ? (
            <p className="meter__text" aria-hidden="true">
              {t('video.transcode.progressPercent', { percent })}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

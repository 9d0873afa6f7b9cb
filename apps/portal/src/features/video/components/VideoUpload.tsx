import '../video.css';

import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { DetailedError, HttpRequest, PreviousUpload, Upload } from 'tus-js-client';

import { ApiError, ClientErrorCode, errorMessage } from '../../../shared/api/error-messages';
import { FieldMessages } from '../../../shared/forms/FieldParts';
import { Alert } from '../../../shared/ui/Alert';
import { checkVideoFile, formatMegabytes, shouldRetryUpload, videoFileType } from '../file-checks';
import {
  addSample,
  estimateRemainingSeconds,
  type ProgressSample,
  type RemainingTime,
  roundRemaining,
} from '../upload-eta';

export interface VideoUploadProps {
  /** The tus endpoint that creates uploads. */
  endpoint: string;
  /** Sent with the upload (e.g. the lesson), besides `filename` and `filetype`. */
  metadata: Record<string, string>;
  /** Asked before every request, so an access token that expired meanwhile is replaced. */
  getHeaders: () => Promise<Record<string, string>>;
  /** The finished upload's URL (its last segment is the upload id). */
  onUploaded: (uploadUrl: string) => void;
}

const CHUNK_SIZE = 8 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];
const MILESTONES = [25, 50, 75];

type Phase =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'uploading'; resumed: boolean }
  | { kind: 'paused' }
  /** The connection dropped: carries on by itself when the browser says it is back. */
  | { kind: 'offline' }
  | { kind: 'failed'; message: string }
  | { kind: 'done' };

interface Progress {
  sent: number;
  total: number;
  remaining: RemainingTime | null;
}

/**
 * A lesson video sent with tus: in 8 MB pieces, retried on its own when the connection drops, and
 * resumable after the page is reloaded (the same file chosen again picks up where it stopped). Shows
 * progress with the time left, and can be paused, resumed and cancelled.
 */
export function VideoUpload(props: VideoUploadProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fileId = `${id}-file`;
  const language = i18n.resolvedLanguage ?? 'vi';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [milestone, setMilestone] = useState('');
  /** An upload exists that can be resumed or cancelled (also after it failed). */
  const [started, setStarted] = useState(false);
  const uploadRef = useRef<Upload | null>(null);
  const samplesRef = useRef<ProgressSample[]>([]);
  const milestoneRef = useRef(0);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const pauseButtonRef = useRef<HTMLButtonElement>(null);
  // The tus callbacks outlive renders: they read the latest props from here.
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });

  // Leaving the page stops sending (without deleting: the upload can be resumed later).
  useEffect(
    () => () => {
      void uploadRef.current?.abort();
    },
    [],
  );

  // Back online: carry on by itself.
  useEffect(() => {
    if (phase.kind !== 'offline') return undefined;
    const onOnline = () => {
      samplesRef.current = [];
      setPhase({ kind: 'uploading', resumed: true });
      uploadRef.current?.start();
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [phase.kind]);

  // Keeps a phone's screen on while sending: a sleeping phone suspends the page, and the upload.
  useEffect(() => {
    if (phase.kind !== 'uploading' || !('wakeLock' in navigator)) return undefined;
    let lock: WakeLockSentinel | null = null;
    let released = false;
    navigator.wakeLock.request('screen').then(
      (sentinel) => {
        if (released) void sentinel.release();
        else lock = sentinel;
      },
      () => undefined, // refused (battery saver, page hidden): uploading carries on regardless
    );
    return () => {
      released = true;
      void lock?.release();
    };
  }, [phase.kind]);

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(chosen ? fileProblem(chosen) : undefined);
    if (phase.kind === 'done' || phase.kind === 'failed') setPhase({ kind: 'idle' });
  }

  function fileProblem(chosen: File): string | undefined {
    switch (checkVideoFile(chosen)) {
      case 'notVideo':
        return t('video.upload.errors.notVideo');
      case 'empty':
        return t('video.upload.errors.empty');
      case 'tooLarge':
        return t('video.upload.errors.tooLarge', { size: formatMegabytes(chosen.size, language) });
      case null:
        return undefined;
    }
  }

  function onProgress(sent: number, total: number) {
    samplesRef.current = addSample(samplesRef.current, { atMs: performance.now(), bytes: sent });
    const seconds = estimateRemainingSeconds(samplesRef.current, total);
    setProgress({ sent, total, remaining: seconds === null ? null : roundRemaining(seconds) });
    const percent = total > 0 ? (sent / total) * 100 : 0;
    const reached = MILESTONES.filter((mark) => percent >= mark).at(-1) ?? 0;
    if (reached > milestoneRef.current) {
      milestoneRef.current = reached;
      setMilestone(t('video.upload.status.milestone', { percent: reached }));
    }
  }

  function onError(error: Error) {
    if (!navigator.onLine) {
      setPhase({ kind: 'offline' });
      return;
    }
    setPhase({ kind: 'failed', message: failureMessage(error) });
  }

  function failureMessage(error: Error): string {
    const response = isDetailedError(error) ? error.originalResponse : null;
    const status = response?.getStatus() ?? 0;
    if (status === 0) return t('video.upload.errors.network');
    const apiError = ApiError.fromBody(status, parseJson(response?.getBody() ?? ''));
    if (apiError.code !== ClientErrorCode.Unknown && i18n.exists(`errors.${apiError.code}`)) {
      return errorMessage(t, apiError);
    }
    if (status === 401 || status === 403) return t('video.upload.errors.forbidden');
    if (status === 413) return t('video.upload.errors.rejectedTooLarge');
    return t('video.upload.errors.failed');
  }

  async function start(chosen: File) {
    setPhase({ kind: 'preparing' });
    setMilestone('');
    setProgress(null);
    samplesRef.current = [];
    milestoneRef.current = 0;
    const metadata = { ...propsRef.current.metadata, filename: chosen.name, filetype: videoFileType(chosen) };
    // tus-js-client comes with the first upload, not with the studio page.
    let tus: typeof import('tus-js-client');
    try {
      tus = await import('tus-js-client');
    } catch {
      setPhase({ kind: 'failed', message: t('video.upload.errors.network') });
      return;
    }
    const upload: Upload = new tus.Upload(chosen, {
      endpoint: propsRef.current.endpoint,
      metadata,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (request: HttpRequest) => {
        const headers = await propsRef.current.getHeaders();
        for (const [name, value] of Object.entries(headers)) request.setHeader(name, value);
      },
      onShouldRetry: (error, retryAttempt) =>
        shouldRetryUpload(error.originalResponse?.getStatus() ?? 0, retryAttempt, navigator.onLine),
      onProgress,
      onError,
      onSuccess: () => {
        uploadRef.current = null;
        setStarted(false);
        setPhase({ kind: 'done' });
        // Sent: the form is ready for another video, not for the same one a second time.
        setFile(null);
        if (fileInputRef.current) fileInputRef.current.value = '';
        if (upload.url) propsRef.current.onUploaded(upload.url);
      },
    });
    uploadRef.current = upload;
    setStarted(true);

    // The same file for the same lesson, started earlier (before a reload, or on a dropped line):
    // carry on from what the server already has.
    let previous: PreviousUpload | undefined;
    try {
      previous = pickPreviousUpload(await upload.findPreviousUploads(), metadata);
    } catch {
      previous = undefined; // storage unavailable: start afresh
    }
    if (uploadRef.current !== upload) return; // cancelled meanwhile
    if (previous) upload.resumeFromPreviousUpload(previous);
    // The submit button pressed is gone: the keyboard goes on to "Tạm dừng".
    const hadFocus = document.activeElement === document.body || document.activeElement === null;
    flushSync(() => setPhase({ kind: 'uploading', resumed: previous !== undefined }));
    if (hadFocus) pauseButtonRef.current?.focus();
    upload.start();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFileError(t('video.upload.errors.noFile'));
      fileInputRef.current?.focus();
      return;
    }
    const problem = fileProblem(file);
    if (problem) {
      setFileError(problem);
      fileInputRef.current?.focus();
      return;
    }
    void start(file);
  }

  function pauseOrResume() {
    const upload = uploadRef.current;
    if (!upload) return;
    if (phase.kind === 'uploading') {
      void upload.abort();
      setPhase({ kind: 'paused' });
      return;
    }
    samplesRef.current = [];
    setPhase({ kind: 'uploading', resumed: true });
    upload.start();
  }

  function cancel() {
    const upload = uploadRef.current;
    uploadRef.current = null;
    // Deletes what the server has so far, and forgets it here; offline, the server expires it later.
    if (upload) upload.abort(true).catch(() => undefined);
    // Rendered at once, so the file input is enabled again and can take the focus from the button
    // that just disappeared.
    flushSync(() => {
      setStarted(false);
      setPhase({ kind: 'idle' });
      setProgress(null);
      setFile(null);
      setMilestone(t('video.upload.status.cancelled'));
    });
    if (fileInputRef.current) fileInputRef.current.value = '';
    fileInputRef.current?.focus();
  }

  const canResume = phase.kind === 'paused' || phase.kind === 'failed' || phase.kind === 'offline';
  const busy = phase.kind === 'preparing' || started;
  const percent = progress && progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;

  return (
    <div className="video-upload">
      <form noValidate onSubmit={submit}>
        <div className={`field${fileError ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={fileId}>
            {t('video.upload.file')}
          </label>
          <FieldMessages id={fileId} hint={t('video.upload.fileHint')} error={fileError} />
          <input
            ref={fileInputRef}
            id={fileId}
            name="video"
            type="file"
            accept="video/*"
            className="input video-upload__file"
            disabled={busy}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            onChange={chooseFile}
          />
        </div>
        {busy ? null : (
          <div className="actions">
            <button type="submit" className="button">
              {t('video.upload.start')}
            </button>
          </div>
        )}
      </form>

      {progress && phase.kind !== 'idle' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-progress`}>
            {t('video.upload.progressLabel')}
          </label>
          <progress
            id={`${id}-progress`}
            className="meter"
            max={100}
            value={percent}
            aria-describedby={`${id}-progress-text`}
          >
            {percent}%
          </progress>
          <p className="meter__text" id={`${id}-progress-text`}>
            {t('video.upload.progressText', {
              percent,
              sent: formatMegabytes(progress.sent, language),
              total: formatMegabytes(progress.total, language),
            })}
            {phase.kind === 'uploading' && percent < 100 ? ` · ${remainingText(progress.remaining)}` : null}
          </p>
        </div>
      ) : null}

      <p className="video-upload__status" role="status">
        {statusText()}
      </p>
      <p className="visually-hidden" role="status">
        {milestone}
      </p>
      {phase.kind === 'failed' ? <Alert tone="error">{phase.message}</Alert> : null}

      {started && phase.kind !== 'preparing' ? (
        <div className="actions">
          <button ref={pauseButtonRef} type="button" className="button" onClick={pauseOrResume}>
            {canResume ? t('video.upload.resume') : t('video.upload.pause')}
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('video.upload.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );

  function statusText(): string {
    switch (phase.kind) {
      case 'idle':
      case 'failed':
        return '';
      case 'preparing':
        return t('video.upload.status.preparing');
      case 'uploading':
        return phase.resumed ? t('video.upload.status.resuming') : t('video.upload.status.uploading');
      case 'paused':
        return t('video.upload.status.paused');
      case 'offline':
        return t('video.upload.status.offline');
      case 'done':
        return t('video.upload.status.done');
    }
  }

  function remainingText(remaining: RemainingTime | null): string {
    if (remaining === null) return t('video.upload.remaining.unknown');
    switch (remaining.unit) {
      case 'seconds':
        return t('video.upload.remaining.seconds', { count: remaining.count });
      case 'minutes':
        return t('video.upload.remaining.minutes', { count: remaining.count });
      case 'hoursMinutes':
        return t('video.upload.remaining.hoursMinutes', {
          hours: remaining.hours,
          minutes: remaining.minutes,
        });
    }
  }
}

/** The latest earlier upload of this file with the same metadata (the same lesson), if any. */
function pickPreviousUpload(
  previous: readonly PreviousUpload[],
  metadata: Record<string, string>,
): PreviousUpload | undefined {
  return previous
    .filter((upload) => upload.uploadUrl && sameMetadata(upload.metadata, metadata))
    .sort((a, b) => created(b) - created(a))[0];
}

/** tus-js-client stores `new Date().toString()`; unparseable dates count as oldest. */
function created(upload: PreviousUpload): number {
  const time = Date.parse(upload.creationTime);
  return Number.isNaN(time) ? 0 : time;
}

function sameMetadata(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

function isDetailedError(error: Error): error is DetailedError {
  return 'originalResponse' in error;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

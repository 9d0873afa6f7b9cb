import { ErrorCode, VideoStatus } from '@hocvu/contracts';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { bearerHeaders } from '../../../app/api-client';
import { isApiError, isTransientError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { type ContentLanguage, useContentLanguages } from '../../../shared/courses/use-content-languages';
import { FALLBACK_CONTENT_LANGUAGE } from '../../../shared/localized';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { CaptionUpload } from '../../video/components/CaptionUpload';
import { LazyVideoPlayer } from '../../video/components/LazyVideoPlayer';
import { TranscodeStatus } from '../../video/components/TranscodeStatus';
import { VideoUpload } from '../../video/components/VideoUpload';
import { formatMegabytes } from '../../video/file-checks';
import { type StudioLesson, type StudioVideo, VIDEO_UPLOAD_ENDPOINT } from '../api/studio-api';
import {
  useDeleteCaption,
  useFinishVideoUpload,
  useLessonVideo,
  usePutCaption,
  useRetranscodeVideo,
} from '../hooks/use-studio';

/**
 * A video lesson's video in the studio: upload (resumable), the processing status polled while the
 * worker is on it, a preview once ready, processing again, and captions per content language.
 */
export function LessonVideoPanel({ lesson }: { lesson: StudioLesson }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useLessonVideo(lesson.id);

  return (
    <>
      <section className="editor-section" aria-labelledby="lesson-video-title">
        <h2 id="lesson-video-title">{t('studio.video.title')}</h2>
        {isPending ? (
          <Loading />
        ) : data ? (
          <VideoSection lesson={lesson} video={data.video} />
        ) : (
          <LoadFailedAlert error={error} onRetry={() => void refetch()} />
        )}
      </section>
      <section className="editor-section" aria-labelledby="lesson-captions-title">
        <h2 id="lesson-captions-title">{t('studio.video.captions')}</h2>
        <p className="field__hint">{t('studio.video.captionsHint')}</p>
        {data ? <Captions lesson={lesson} captions={data.captions} /> : isPending ? <Loading /> : null}
      </section>
    </>
  );
}

function VideoSection({ lesson, video }: { lesson: StudioLesson; video: StudioVideo | null }) {
  const { t, i18n } = useTranslation();
  const finish = useFinishVideoUpload(lesson.id, lesson.courseId);
  const retranscode = useRetranscodeVideo(lesson.id, lesson.courseId);
  const [uploadId, setUploadId] = useState<string | null>(null);
  // tus sends these with the upload (VideoUpload adds `filename` and `filetype`); kept stable so a
  // reloaded page finds the same file's earlier upload for this lesson and resumes it.
  const metadata = useMemo(() => ({ lessonId: lesson.id }), [lesson.id]);
  const inProgress = video?.status === VideoStatus.Queued || video?.status === VideoStatus.Processing;
  const language = i18n.resolvedLanguage ?? FALLBACK_CONTENT_LANGUAGE;

  const attach = (id: string) => {
    setUploadId(id);
    retranscode.reset();
    finish.mutate(id);
  };

  return (
    <>
      {video ? (
        <>
          <p className="meta">
            {t('studio.video.file', {
              name: video.originalFilename,
              size: formatMegabytes(video.sizeBytes, language),
            })}
          </p>
          <TranscodeStatus
            status={video.status}
            progressPercent={video.progressPercent}
            errorCode={video.errorCode}
            durationSeconds={video.durationSeconds}
          />
        </>
      ) : (
        <p>{t('studio.video.none')}</p>
      )}
      {finish.isPending ? <Loading delayMs={0} label={t('studio.video.attaching')} /> : null}
      {finish.error ? (
        <Alert tone="error">
          <p>{errorMessage(t, finish.error)}</p>
          {uploadId && isTransientError(finish.error) ? (
            <button type="button" className="button button--small" onClick={() => attach(uploadId)}>
              {t('common.retry')}
            </button>
          ) : null}
        </Alert>
      ) : null}

      {video?.status === VideoStatus.Ready && video.masterUrl ? <Preview video={video} /> : null}

      {video && !inProgress ? (
        <div className="video-actions">
          <p className="field__hint" id="retranscode-hint">
            {t('studio.video.retranscodeHint')}
          </p>
          {retranscode.error ? <Alert tone="error">{errorMessage(t, retranscode.error)}</Alert> : null}
          <div className="actions">
            {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
            <button
              type="button"
              className="button button--secondary"
              aria-describedby="retranscode-hint"
              aria-disabled={retranscode.isPending ? true : undefined}
              onClick={() => {
                if (retranscode.isPending) return;
                finish.reset();
                retranscode.mutate();
              }}
            >
              {retranscode.isPending ? t('studio.video.retranscoding') : t('studio.video.retranscode')}
            </button>
          </div>
        </div>
      ) : null}

      <h3>{video ? t('studio.video.replace') : t('studio.video.upload')}</h3>
      {video ? <p className="field__hint">{t('studio.video.replaceHint')}</p> : null}
      <VideoUpload
        endpoint={VIDEO_UPLOAD_ENDPOINT}
        metadata={metadata}
        getHeaders={bearerHeaders}
        onUploaded={(uploadUrl) => attach(uploadIdOf(uploadUrl))}
      />
    </>
  );
}

/** The processed video as learners will get it; watching it here counts for nobody. */
function Preview({ video }: { video: StudioVideo }) {
  const { t } = useTranslation();
  const rungNames = video.rungs.map((rung) =>
    rung.height === null ? t('studio.video.audioRung') : rung.name,
  );
  return (
    <div className="video-preview">
      <h3>{t('studio.video.preview')}</h3>
      <p className="field__hint">{t('studio.video.previewHint')}</p>
      <LazyVideoPlayer
        key={video.masterUrl}
        masterUrl={video.masterUrl ?? ''}
        posterUrl={video.posterUrl}
        durationSeconds={video.durationSeconds ?? 0}
        captions={NO_CAPTIONS}
        resumeAt={0}
        rungs={video.rungs}
        onWatched={ignoreWatching}
      />
      {rungNames.length > 0 ? <p>{t('studio.video.rungs', { rungs: rungNames.join(', ') })}</p> : null}
    </div>
  );
}

const NO_CAPTIONS: never[] = [];
const ignoreWatching = () => undefined;

function Captions({
  lesson,
  captions,
}: {
  lesson: StudioLesson;
  captions: { language: string; cueCount: number }[];
}) {
  const { t } = useTranslation();
  const { data: languages, error, isPending, refetch } = useContentLanguages();
  const put = usePutCaption(lesson.id, lesson.courseId);
  const remove = useDeleteCaption(lesson.id, lesson.courseId);

  if (isPending) return <Loading />;
  if (!languages) return <LoadFailedAlert error={error} onRetry={() => void refetch()} />;
  return (
    <CaptionUpload
      languages={captionLanguages(languages, captions)}
      captions={captions}
      onSubmit={async (language, vtt) => {
        try {
          await put.mutateAsync({ language, vtt });
        } catch (failure) {
          throw withCaptionLines(t, failure);
        }
      }}
      onDelete={async (language) => {
        await remove.mutateAsync(language);
      }}
    />
  );
}

/** Enabled content languages, Vietnamese first, and any language a caption already has. */
function captionLanguages(languages: ContentLanguage[], captions: { language: string }[]) {
  const enabled = languages.filter(
    (language) => language.enabled || captions.some((caption) => caption.language === language.code),
  );
  return enabled
    .sort(
      (a, b) => Number(b.code === FALLBACK_CONTENT_LANGUAGE) - Number(a.code === FALLBACK_CONTENT_LANGUAGE),
    )
    .map(({ code, name }) => ({ code, name }));
}

/** CAPTION_INVALID names the lines of the file that are wrong: the teacher is told which. */
function withCaptionLines(t: TFunction, failure: unknown): unknown {
  if (!isApiError(failure) || failure.code !== ErrorCode.CaptionInvalid) return failure;
  const details: unknown = failure.details;
  const errors =
    typeof details === 'object' && details !== null && 'errors' in details && Array.isArray(details.errors)
      ? (details.errors as unknown[])
      : [];
  const lines = errors
    .map((entry) =>
      typeof entry === 'object' && entry !== null && 'line' in entry && typeof entry.line === 'number'
        ? entry.line
        : null,
    )
    .filter((line): line is number => line !== null);
  if (lines.length === 0) return failure;
  const unique = [...new Set(lines)].slice(0, 5);
  return new Error(
    `${errorMessage(t, failure)} ${t('studio.video.captionLines', { count: unique.length, lines: unique.join(', ') })}`,
  );
}

/** The tus upload's id: the last segment of its URL, as the API expects it back. */
export function uploadIdOf(uploadUrl: string): string {
  const path = new URL(uploadUrl, window.location.href).pathname;
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return decodeURIComponent(last);
}

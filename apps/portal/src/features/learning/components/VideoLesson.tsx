import { ErrorCode } from '@hocvu/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import { LazyVideoPlayer } from '../../video/components/LazyVideoPlayer';
import type { LessonContent, LessonVideo } from '../api/learning-api';
import { useLearnerOutline, useVideoProgressCache } from '../hooks/use-learning';
import { browserHeartbeatTransport, HeartbeatReporter, type WatchReport } from '../video-heartbeats';
import { LessonDone } from './LessonDone';

function percentOf(seconds: number, durationSeconds: number): number {
  if (durationSeconds <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((seconds * 100) / durationSeconds)));
}

/**
 * A video lesson: the player, how much of the video has been watched against what completes the
 * lesson, and the way on once it is complete. There is no "mark complete" button: the API completes
 * the lesson when the heartbeats show enough was actually watched.
 */
export function VideoLesson({ lesson, video }: { lesson: LessonContent; video: LessonVideo }) {
  const { t } = useTranslation();
  const id = useId();
  const cache = useVideoProgressCache(lesson.courseId, lesson.id);
  const [watchedPercent, setWatchedPercent] = useState(() =>
    percentOf(video.watchedSeconds, video.durationSeconds),
  );
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [retryPending, setRetryPending] = useState(false);
  // Completed during this visit: the outline says whether that finished the course.
  const [completedNow, setCompletedNow] = useState(false);
  const outline = useLearnerOutline(lesson.courseId, { enabled: completedNow });
  const courseDone =
    completedNow && outline.data
      ? outline.data.nextLessonId === null && outline.data.progressPercent >= 100
      : false;

  // One reporter per visit of the lesson (the component is keyed by lesson), with that visit's token.
  const [reporter] = useState(
    () =>
      new HeartbeatReporter(video.playbackToken, browserHeartbeatTransport, {
        onResult: (result) => {
          setRefusal(null);
          setWatchedPercent(result.watchedPercent);
          if (result.completed) setCompletedNow((was) => was || !lesson.completed);
          cache.result(result);
        },
        onRefused: setRefusal,
        onRetryPending: setRetryPending,
      }),
  );
  useEffect(() => () => reporter.dispose(), [reporter]);

  const onWatched = (report: WatchReport) => {
    cache.position(report.position);
    reporter.report(report);
  };

  const required = video.completionPercent;
  const meterId = `${id}-watched`;

  return (
    <>
      <LazyVideoPlayer
        key={lesson.id}
        masterUrl={video.masterUrl}
        posterUrl={video.posterUrl}
        durationSeconds={video.durationSeconds}
        captions={video.captions}
        resumeAt={video.resumeAt}
        rungs={video.rungs}
        onWatched={onWatched}
      />
      <div className="video-watched">
        <label className="field__label" htmlFor={meterId}>
          {t('learning.video.watchedLabel')}
        </label>
        <progress
          id={meterId}
          className="meter"
          max={100}
          value={watchedPercent}
          aria-describedby={`${meterId}-text`}
        >
          {watchedPercent}%
        </progress>
        <p className="meter__text" id={`${meterId}-text`}>
          {lesson.completed
            ? t('learning.video.watchedDone', { percent: watchedPercent })
            : t('learning.video.watched', { percent: watchedPercent, required })}
        </p>
      </div>
      {retryPending ? <p className="muted">{t('learning.video.retrying')}</p> : null}
      {refusal ? (
        <Alert tone={refusal.code === ErrorCode.HeartbeatTooFast ? 'warning' : 'error'}>
          <p>{errorMessage(t, refusal)}</p>
          {refusal.code === ErrorCode.PlaybackTokenInvalid ? (
            <button type="button" className="button button--small" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {/* Said once, when watching completes the lesson; focus stays with the player. */}
      <p className="visually-hidden" role="status">
        {completedNow ? t('learning.video.completedNow') : ''}
      </p>
      {lesson.completed ? <LessonDone lesson={lesson} courseDone={courseDone} /> : null}
    </>
  );
}

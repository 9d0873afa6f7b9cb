import { ErrorCode, LessonKind } from '@hocvu/contracts';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';

import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { ArticleHtml } from '../../../shared/courses/ArticleHtml';
import { formatDuration } from '../../../shared/courses/duration';
import { LessonKindIcon } from '../../../shared/courses/LessonKindIcon';
import { useLocalized } from '../../../shared/courses/use-localized';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { LessonContent } from '../api/learning-api';
import { useCompleteLesson, useLessonContent } from '../hooks/use-learning';
import { LessonDone } from './LessonDone';
import { LockIcon } from './LessonStateIcons';
import { NotEnrolledPage } from './NotEnrolledPage';
import { VideoLesson } from './VideoLesson';

// Quizzes are their own chunk: reading an article never downloads the quiz player.
const QuizLesson = lazy(() => import('./quiz/QuizLesson'));

export function LessonReaderPage() {
  const { t } = useTranslation();
  const { courseId = '', lessonId = '' } = useParams();
  const { data: lesson, error, isPending, refetch } = useLessonContent(courseId, lessonId);

  if (isPending) return <Loading />;
  if (!lesson) {
    if (isApiError(error) && error.code === ErrorCode.NotEnrolled) return <NotEnrolledPage />;
    if (isApiError(error) && error.code === ErrorCode.LessonLocked) {
      return (
        <Page title={t('learning.reader.lockedTitle')}>
          <p className="locked-note">
            <LockIcon /> {t('learning.locked')}
          </p>
          <div className="actions">
            <Link className="button" to={paths.learnCourse(courseId)}>
              {t('learning.reader.backToOutline')}
            </Link>
          </div>
        </Page>
      );
    }
    return (
      <LoadFailedPage
        title={t('learning.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.learnCourse(courseId), label: t('learning.reader.backToOutline') }}
      />
    );
  }
  // Keyed: "Bài tiếp theo" opens a fresh reader, not this one with the last lesson's state.
  return <LessonReader key={lesson.id} lesson={lesson} />;
}

function LessonReader({ lesson }: { lesson: LessonContent }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const title = localized.pick(lesson.title);
  const html = localized.pick(lesson.html);
  const isArticle = lesson.kind === LessonKind.Article;
  const isVideo = lesson.kind === LessonKind.Video;
  const isQuiz = lesson.kind === LessonKind.Quiz;
  // While taking a quiz (or reading its result) the way back to the previous lesson is not offered.
  const [searchParams] = useSearchParams();
  const inAttempt = isQuiz && searchParams.has('attempt');

  return (
    <Page title={title.text} heading={<span lang={title.lang}>{title.text}</span>}>
      <p>
        <Link to={paths.learnCourse(lesson.courseId)}>{t('learning.reader.backToOutline')}</Link>
      </p>
      <p className="meta">
        <LessonKindIcon kind={lesson.kind} showLabel /> · {formatDuration(t, lesson.estimatedMinutes)}
      </p>
      {isArticle ? (
        <>
          {html.text && html.lang !== localized.language ? (
            <Alert tone="info">{t('learning.reader.fallbackLanguage')}</Alert>
          ) : null}
          <ArticleHtml html={html.text} lang={html.lang} />
          <Completion lesson={lesson} />
        </>
      ) : isVideo && lesson.video ? (
        <VideoLesson lesson={lesson} video={lesson.video} />
      ) : isVideo ? (
        <Alert tone="info">{t('learning.video.unavailable')}</Alert>
      ) : isQuiz ? (
        <Suspense fallback={<Loading />}>
          <QuizLesson lesson={lesson} />
        </Suspense>
      ) : (
        <>
          <Alert tone="info">{t('learning.reader.comingSoon')}</Alert>
          {lesson.nextLessonId ? (
            <div className="actions">
              <Link className="button" to={paths.learnLesson(lesson.courseId, lesson.nextLessonId)}>
                {t('learning.reader.next')}
              </Link>
            </div>
          ) : null}
        </>
      )}
      {lesson.previousLessonId && !inAttempt ? (
        <nav className="lesson-nav" aria-label={t('learning.reader.previous')}>
          <Link to={paths.learnLesson(lesson.courseId, lesson.previousLessonId)} rel="prev">
            <span aria-hidden="true">← </span>
            {t('learning.reader.previous')}
          </Link>
        </nav>
      ) : null}
    </Page>
  );
}

/** "Đánh dấu đã học xong" at the end of the article; then "Đã hoàn thành" and the way on. */
function Completion({ lesson }: { lesson: LessonContent }) {
  const { t } = useTranslation();
  const complete = useCompleteLesson(lesson.courseId, lesson.id);
  const doneRef = useRef<HTMLDivElement>(null);
  const courseDone = complete.data
    ? complete.data.nextLessonId === null && complete.data.progressPercent >= 100
    : false;

  // The button pressed is gone: focus the confirmation, which screen readers then read out.
  useEffect(() => {
    if (complete.isSuccess) doneRef.current?.focus();
  }, [complete.isSuccess]);

  if (!lesson.completed) {
    return (
      <div className="lesson-complete">
        {complete.error ? <Alert tone="error">{errorMessage(t, complete.error)}</Alert> : null}
        <button
          type="button"
          className="button button--large"
          disabled={complete.isPending}
          onClick={() => complete.mutate()}
        >
          {complete.isPending ? t('learning.reader.marking') : t('learning.reader.markComplete')}
        </button>
      </div>
    );
  }

  return <LessonDone ref={doneRef} lesson={lesson} courseDone={courseDone} />;
}

import { CourseStatus, ErrorCode } from '@hocvu/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { useLocalized } from '../../../shared/courses/use-localized';
import { Alert } from '../../../shared/ui/Alert';
import type { StudioCourse } from '../api/studio-api';
import { useArchiveCourse, usePublishCourse, useUnpublishCourse } from '../hooks/use-studio';
import { ConfirmAction } from './ConfirmAction';
import { CourseStatusBadges } from './CourseStatusBadges';
import { QuizNotReadyError } from './quiz/QuizNotReadyError';

/**
 * Status, and publishing: learners only ever see a published version, frozen when it was published.
 * A course can be unpublished (back to a draft) or archived (retired); both leave the catalogue, and
 * enrolled learners keep their access. Publishing again brings either back.
 */
export function PublicationPanel({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const publish = usePublishCourse();
  const unpublish = useUnpublishCourse();
  const archive = useArchiveCourse();
  const [done, setDone] = useState<string | null>(null);
  const published = course.status === CourseStatus.Published;
  const archived = course.status === CourseStatus.Archived;
  const canPublish = !published || course.hasUnpublishedChanges;
  // Only a course that was published once can be archived (the API answers COURSE_NOT_OPEN otherwise).
  const canArchive = !archived && course.publishedVersion !== null;

  const resetAll = () => {
    setDone(null);
    publish.reset();
    unpublish.reset();
    archive.reset();
  };

  return (
    <>
      <CourseStatusBadges status={course.status} hasUnpublishedChanges={course.hasUnpublishedChanges} />
      {course.publishedVersion !== null ? (
        <p>{t('studio.version', { version: course.publishedVersion })}</p>
      ) : null}
      <p className="field__hint">
        {archived ? t('studio.editor.archivedHint') : t('studio.editor.publishHint')}
      </p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {publish.error ? <PublishError course={course} error={publish.error} /> : null}
      <div className="actions">
        {canPublish ? (
          <button
            type="button"
            className="button"
            disabled={publish.isPending}
            onClick={() => {
              resetAll();
              publish.mutate(course.id, {
                onSuccess: (saved) =>
                  setDone(t('studio.editor.published', { version: saved.publishedVersion ?? '' })),
              });
            }}
          >
            {publish.isPending
              ? t('studio.editor.publishing')
              : archived
                ? t('studio.editor.publishAgain')
                : published
                  ? t('studio.editor.publishChanges')
                  : t('studio.editor.publish')}
          </button>
        ) : null}
        {published ? (
          <Link className="button button--secondary" to={paths.course(course.slug)}>
            {t('studio.editor.viewInCatalogue')}
          </Link>
        ) : null}
        {published ? (
          <ConfirmAction
            label={t('studio.editor.unpublish')}
            question={t('studio.editor.unpublishQuestion')}
            confirmLabel={t('studio.editor.unpublish')}
            pendingLabel={t('studio.editor.unpublishing')}
            pending={unpublish.isPending}
            error={unpublish.error}
            onCancel={unpublish.reset}
            onConfirm={() => {
              resetAll();
              unpublish.mutate(course.id, { onSuccess: () => setDone(t('studio.editor.unpublished')) });
            }}
          />
        ) : null}
        {canArchive ? (
          <ConfirmAction
            label={t('studio.editor.archive')}
            question={t('studio.editor.archiveQuestion')}
            confirmLabel={t('studio.editor.archive')}
            pendingLabel={t('studio.editor.archiving')}
            pending={archive.isPending}
            error={archive.error}
            onCancel={archive.reset}
            onConfirm={() => {
              resetAll();
              archive.mutate(course.id, { onSuccess: () => setDone(t('studio.editor.archived')) });
            }}
          />
        ) : null}
      </div>
    </>
  );
}

/**
 * Why publishing failed. LESSON_VIDEO_NOT_READY names the video lessons whose video is missing, still
 * processing or refused, QUIZ_NOT_READY the quiz lessons that cannot be drawn from the question bank;
 * each is linked to its editor.
 */
function PublishError({ course, error }: { course: StudioCourse; error: unknown }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (isApiError(error) && error.code === ErrorCode.QuizNotReady) {
    return <QuizNotReadyError course={course} error={error} />;
  }
  const lessonIds =
    isApiError(error) && error.code === ErrorCode.LessonVideoNotReady ? idsOf(error.details) : [];
  const lessons = course.sections
    .flatMap((section) => section.lessons)
    .filter((lesson) => lessonIds.includes(lesson.id));
  if (lessons.length === 0) return <Alert tone="error">{errorMessage(t, error)}</Alert>;
  return (
    <Alert tone="error" title={t('studio.editor.videoNotReadyTitle')}>
      <p>{t('studio.editor.videoNotReady', { count: lessons.length })}</p>
      <ul>
        {lessons.map((lesson) => {
          const title = localized.pick(lesson.title);
          return (
            <li key={lesson.id}>
              <Link to={paths.studioLesson(lesson.id)} lang={title.lang}>
                {title.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}

function idsOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('lessonIds' in details)) return [];
  const ids = details.lessonIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

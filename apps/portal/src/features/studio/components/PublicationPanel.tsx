import { CourseStatus } from '@hocvu/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import type { StudioCourse } from '../api/studio-api';
import { usePublishCourse, useUnpublishCourse } from '../hooks/use-studio';
import { ConfirmAction } from './ConfirmAction';
import { CourseStatusBadges } from './CourseStatusBadges';

/** Status, and publishing: learners only ever see a published version, frozen when it was published. */
export function PublicationPanel({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const publish = usePublishCourse();
  const unpublish = useUnpublishCourse();
  const [done, setDone] = useState<string | null>(null);
  const published = course.status === CourseStatus.Published;
  const canPublish = !published || course.hasUnpublishedChanges;

  return (
    <>
      <CourseStatusBadges status={course.status} hasUnpublishedChanges={course.hasUnpublishedChanges} />
      {course.publishedVersion !== null ? (
        <p>{t('studio.version', { version: course.publishedVersion })}</p>
      ) : null}
      <p className="field__hint">{t('studio.editor.publishHint')}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {publish.error ? <Alert tone="error">{errorMessage(t, publish.error)}</Alert> : null}
      <div className="actions">
        {canPublish ? (
          <button
            type="button"
            className="button"
            disabled={publish.isPending}
            onClick={() => {
              setDone(null);
              unpublish.reset();
              publish.mutate(course.id, {
                onSuccess: (saved) =>
                  setDone(t('studio.editor.published', { version: saved.publishedVersion ?? '' })),
              });
            }}
          >
            {publish.isPending
              ? t('studio.editor.publishing')
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
              setDone(null);
              publish.reset();
              unpublish.mutate(course.id, { onSuccess: () => setDone(t('studio.editor.unpublished')) });
            }}
          />
        ) : null}
      </div>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { useLocalized } from '../../../shared/courses/use-localized';
import { formatDateTime } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { StudioCourseSummary } from '../api/studio-api';
import { useMyCourses } from '../hooks/use-studio';
import { CourseStatusBadges } from './CourseStatusBadges';

export function StudioHomePage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useMyCourses();

  return (
    <Page title={t('studio.title')} lead={t('studio.lead')}>
      <div className="actions">
        <Link className="button" to={paths.studioNewCourse}>
          {t('studio.newCourse')}
        </Link>
      </div>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('studio.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="cards">
          {data.items.map((course) => (
            <StudioCourseCard key={course.id} course={course} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function StudioCourseCard({ course }: { course: StudioCourseSummary }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const title = localized.pick(course.title);
  return (
    <li className="card">
      <h2 className="card__title card__title--link">
        <Link to={paths.studioCourse(course.id)} lang={title.lang}>
          {title.text}
        </Link>
      </h2>
      <CourseStatusBadges status={course.status} hasUnpublishedChanges={course.hasUnpublishedChanges} />
      <p className="muted">
        {course.publishedVersion !== null
          ? `${t('studio.version', { version: course.publishedVersion })} · `
          : ''}
        {t('studio.updatedAt', { date: formatDateTime(course.updatedAt, i18n.resolvedLanguage ?? 'vi') })}
      </p>
    </li>
  );
}

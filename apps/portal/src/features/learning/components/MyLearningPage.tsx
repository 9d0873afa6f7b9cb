import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { certificatesByCourse, useMyCertificates } from '../../../shared/certificates/my-certificates';
import { type MyCourse, useMyLearning } from '../../../shared/courses/enrolments';
import { useLocalized } from '../../../shared/courses/use-localized';
import { formatDateTime } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { ProgressBar } from './ProgressBar';

export function MyLearningPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useMyLearning();
  // Only when a course is finished is there a certificate to link to.
  const certificates = useMyCertificates({
    enabled: data?.some((course) => course.nextLessonId === null) ?? false,
  });
  const serialByCourse = certificatesByCourse(certificates.data?.items ?? []);

  return (
    <Page title={t('learning.title')} lead={t('learning.lead')}>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data && data.length === 0 ? (
        <>
          <p>{t('learning.empty')}</p>
          <div className="actions">
            <Link className="button" to={paths.catalogue}>
              {t('learning.browse')}
            </Link>
          </div>
        </>
      ) : null}
      {data && data.length > 0 ? (
        <ul className="cards">
          {data.map((course) => (
            <MyCourseCard
              key={course.courseId}
              course={course}
              certificateSerial={serialByCourse.get(course.courseId) ?? null}
            />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function MyCourseCard({ course, certificateSerial }: { course: MyCourse; certificateSerial: string | null }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const title = localized.pick(course.title);
  const language = i18n.resolvedLanguage ?? 'vi';
  const done = course.nextLessonId === null;

  return (
    <li className="card">
      <h2 className="card__title learning-card__title">
        <Link to={paths.learnCourse(course.courseId)} lang={title.lang}>
          {title.text}
        </Link>
      </h2>
      <ProgressBar
        percent={course.progressPercent}
        counts={{ completed: course.completedLessons, total: course.totalLessons }}
        label={`${t('learning.progressLabel')}: ${title.text}`}
      />
      <p className="muted">
        {done && course.completedAt
          ? t('learning.completedOn', { date: formatDateTime(course.completedAt, language) })
          : t('learning.enrolledOn', { date: formatDateTime(course.enrolledAt, language) })}
      </p>
      <div className="actions">
        {course.nextLessonId ? (
          <Link className="button" to={paths.learnLesson(course.courseId, course.nextLessonId)}>
            {t('learning.continue')}
            <span className="visually-hidden">: {title.text}</span>
          </Link>
        ) : (
          <>
            <p className="badge badge--published">{t('learning.courseCompleted')}</p>
            {certificateSerial ? (
              <Link className="button" to={paths.myCertificate(certificateSerial)}>
                {t('learning.viewCertificate')}
                <span className="visually-hidden">: {title.text}</span>
              </Link>
            ) : null}
            <Link className="button button--secondary" to={paths.learnCourse(course.courseId)}>
              {t('learning.review')}
              <span className="visually-hidden">: {title.text}</span>
            </Link>
          </>
        )}
      </div>
    </li>
  );
}

import { ErrorCode } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import { formatDuration } from '../../../shared/courses/duration';
import { LessonKindIcon } from '../../../shared/courses/LessonKindIcon';
import { useLocalized } from '../../../shared/courses/use-localized';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { LearnerOutline } from '../api/learning-api';
import { useLearnerOutline } from '../hooks/use-learning';
import { LockIcon, TickIcon } from './LessonStateIcons';
import { NotEnrolledPage } from './NotEnrolledPage';
import { ProgressBar } from './ProgressBar';

/** What the course page leaves here after enrolling (see catalogue's EnrolPanel). */
interface OutlineFlash {
  flash?: 'enrolled';
}

export function LearnerOutlinePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { data: outline, error, isPending, refetch } = useLearnerOutline(courseId);

  if (isPending) return <Loading />;
  if (!outline) {
    if (isApiError(error) && error.code === ErrorCode.NotEnrolled) return <NotEnrolledPage />;
    return (
      <LoadFailedPage
        title={t('learning.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.myLearning, label: t('learning.title') }}
      />
    );
  }
  return <Outline outline={outline} />;
}

function Outline({ outline }: { outline: LearnerOutline }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const state = useLocation().state as OutlineFlash | null;
  const title = localized.pick(outline.title);

  return (
    <Page title={title.text} heading={<span lang={title.lang}>{title.text}</span>}>
      {state?.flash === 'enrolled' ? <Alert tone="success">{t('learning.enrolledNow')}</Alert> : null}
      <ProgressBar
        percent={outline.progressPercent}
        label={`${t('learning.progressLabel')}: ${title.text}`}
      />
      <div className="actions">
        {outline.nextLessonId ? (
          <Link className="button" to={paths.learnLesson(outline.courseId, outline.nextLessonId)}>
            {t('learning.continue')}
          </Link>
        ) : (
          <p className="badge badge--published">{t('learning.courseCompleted')}</p>
        )}
        <Link className="button button--secondary" to={paths.course(outline.slug)}>
          {t('learning.aboutCourse')}
        </Link>
      </div>

      <ol className="learn-outline">
        {outline.sections.map((section) => {
          const sectionTitle = localized.pick(section.title);
          return (
            <li key={section.id} className="learn-outline__section">
              <h2 className="learn-outline__title" lang={sectionTitle.lang}>
                {sectionTitle.text}
              </h2>
              <ol className="learn-outline__lessons">
                {section.lessons.map((lesson) => {
                  const lessonTitle = localized.pick(lesson.title);
                  const minutes = formatDuration(t, lesson.estimatedMinutes);
                  if (lesson.locked) {
                    return (
                      <li key={lesson.id} className="learn-lesson learn-lesson--locked">
                        <LockIcon />
                        <span className="learn-lesson__body">
                          <span className="learn-lesson__title" lang={lessonTitle.lang}>
                            {lessonTitle.text}
                          </span>
                          <span className="visually-hidden">, {t('learning.lockedLabel')}. </span>
                          <span className="learn-lesson__note">{t('learning.locked')}</span>
                        </span>
                      </li>
                    );
                  }
                  return (
                    <li
                      key={lesson.id}
                      className={`learn-lesson${lesson.completed ? ' learn-lesson--done' : ''}`}
                    >
                      {lesson.completed ? <TickIcon /> : <LessonKindIcon kind={lesson.kind} />}
                      <span className="learn-lesson__body">
                        <Link
                          className="learn-lesson__title"
                          to={paths.learnLesson(outline.courseId, lesson.id)}
                          lang={lessonTitle.lang}
                        >
                          {lessonTitle.text}
                        </Link>
                        <span className="learn-lesson__note">
                          {lesson.completed ? `${t('learning.completedLabel')} · ` : ''}
                          {t(`lessonKind.${lesson.kind}`)} · {minutes}
                        </span>
                      </span>
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { CourseCover } from '../../../shared/courses/CourseCover';
import { formatDuration } from '../../../shared/courses/duration';
import { useLocalized } from '../../../shared/courses/use-localized';
import type { CatalogueCourse } from '../api/catalogue-api';
import { CourseFacts } from './CourseFacts';

export function CourseCard({ course }: { course: CatalogueCourse }) {
  const localized = useLocalized();
  const { t } = useTranslation();
  const title = localized.pick(course.title);
  const summary = localized.pick(course.summary);
  return (
    <li className="card course-card">
      {/* Decoration beside the title (alt=""); the title's link covers the whole card, picture included. */}
      <CourseCover url={course.coverUrl} seed={course.id} />
      <div className="course-card__body">
        <h3 className="card__title course-card__title">
          <Link to={paths.course(course.slug)} lang={title.lang}>
            {title.text}
          </Link>
        </h3>
        {summary.text ? (
          <p className="course-card__summary" lang={summary.lang}>
            {summary.text}
          </p>
        ) : null}
        <CourseFacts
          facts={[
            { id: 'duration', icon: 'clock', text: formatDuration(t, course.estimatedMinutes) },
            { id: 'lessons', icon: 'lessons', text: t('course.lessonCount', { count: course.lessonCount }) },
            { id: 'level', icon: 'level', text: t(`courseLevel.${course.level}`) },
          ]}
        />
      </div>
    </li>
  );
}

import { ErrorCode } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import { ArticleHtml } from '../../../shared/courses/ArticleHtml';
import { CourseCover } from '../../../shared/courses/CourseCover';
import { formatDuration } from '../../../shared/courses/duration';
import { LessonKindIcon } from '../../../shared/courses/LessonKindIcon';
import { useContentLanguages } from '../../../shared/courses/use-content-languages';
import { useLocalized } from '../../../shared/courses/use-localized';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { CoursePage as CoursePageData } from '../api/catalogue-api';
import { useCoursePage } from '../hooks/use-catalogue';
import { CourseFacts } from './CourseFacts';
import { EnrolPanel } from './EnrolPanel';

const BENEFITS = ['free', 'pace', 'certificate'] as const;

export function CoursePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data: course, error, isPending, refetch } = useCoursePage(slug);

  if (isPending) return <Loading />;
  if (!course) {
    const back = { to: paths.catalogue, label: t('course.allCourses') };
    if (isApiError(error) && (error.code === ErrorCode.CourseNotFound || error.status === 404)) {
      return (
        <Page title={t('course.notFoundTitle')} lead={t('course.notFoundBody')}>
          <div className="actions">
            <Link className="button" to={back.to}>
              {back.label}
            </Link>
          </div>
        </Page>
      );
    }
    return (
      <LoadFailedPage title={t('catalogue.title')} error={error} onRetry={() => void refetch()} back={back} />
    );
  }
  return <CourseDetails course={course} />;
}

function CourseDetails({ course }: { course: CoursePageData }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { data: languages = [] } = useContentLanguages();
  const title = localized.pick(course.title);
  const summary = localized.pick(course.summary);
  // Rendered from the author's Markdown and sanitised by the API, as article lessons are.
  const description = localized.pick(course.descriptionHtml);
  const languageNames = course.languages.map(
    (code) => languages.find((language) => language.code === code)?.name ?? code,
  );

  return (
    <Page
      title={title.text}
      heading={<span lang={title.lang}>{title.text}</span>}
      lead={summary.text ? <span lang={summary.lang}>{summary.text}</span> : undefined}
    >
      <p>
        <Link to={paths.catalogue}>{t('course.allCourses')}</Link>
      </p>
      {/* Decoration under the course's title (alt=""); no placeholder here, to keep "Đăng ký học" close. */}
      {course.coverUrl ? (
        <CourseCover url={course.coverUrl} seed={course.id} className="course-hero" />
      ) : null}
      <CourseFacts
        facts={[
          {
            id: 'duration',
            icon: 'clock',
            text: t('course.durationTotal', { duration: formatDuration(t, course.estimatedMinutes) }),
          },
          { id: 'lessons', icon: 'lessons', text: t('course.lessonCount', { count: course.lessonCount }) },
          { id: 'level', icon: 'level', text: `${t('course.level')}: ${t(`courseLevel.${course.level}`)}` },
          ...(course.targetGroups.length > 0
            ? [
                {
                  id: 'for',
                  icon: 'people' as const,
                  text: `${t('course.targetGroups')}: ${course.targetGroups.map((group) => t(`targetGroup.${group}`)).join(', ')}`,
                },
              ]
            : []),
          ...(languageNames.length > 0
            ? [
                {
                  id: 'languages',
                  icon: 'language' as const,
                  text: `${t('course.languages')}: ${languageNames.join(', ')}`,
                },
              ]
            : []),
        ]}
      />
      <EnrolPanel courseId={course.id} slug={course.slug} />

      {description.text ? (
        <section className="section" aria-labelledby="course-about">
          <h2 id="course-about">{t('course.about')}</h2>
          <ArticleHtml html={description.text} lang={description.lang} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="course-outline">
        <h2 id="course-outline">{t('course.outline')}</h2>
        {course.sequential ? <p className="muted">{t('course.sequential')}</p> : null}
        <ol className="course-outline">
          {course.sections.map((section) => {
            const sectionTitle = localized.pick(section.title);
            return (
              <li key={section.id} className="course-outline__section">
                <h3 className="course-outline__title" lang={sectionTitle.lang}>
                  {sectionTitle.text}
                </h3>
                <ol className="course-outline__lessons">
                  {section.lessons.map((lesson) => {
                    const lessonTitle = localized.pick(lesson.title);
                    return (
                      <li key={lesson.id} className="course-outline__lesson">
                        <LessonKindIcon kind={lesson.kind} />
                        <span className="course-outline__lesson-title" lang={lessonTitle.lang}>
                          {lessonTitle.text}
                        </span>
                        <span className="course-outline__minutes">
                          {formatDuration(t, lesson.estimatedMinutes)}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </li>
            );
          })}
        </ol>
      </section>

      <section className="section" aria-labelledby="course-benefits">
        <h2 id="course-benefits">{t('course.whatYouGet')}</h2>
        <ul className="feature-list">
          {BENEFITS.map((benefit) => (
            <li key={benefit}>{t(`course.benefits.${benefit}`)}</li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

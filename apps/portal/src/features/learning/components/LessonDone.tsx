import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import type { LessonContent } from '../api/learning-api';
import { TickIcon } from './LessonStateIcons';

/** "Đã hoàn thành", with the way on: the next lesson, or back to the course's content. */
export function LessonDone({
  lesson,
  courseDone,
  ref,
}: {
  lesson: LessonContent;
  /** The whole course is now complete (known when this lesson was just completed). */
  courseDone: boolean;
  /** Focused by the caller when the learner's own action completed the lesson. */
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="lesson-complete lesson-complete--done"
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={`done-${lesson.id}`}
    >
      <p className="lesson-complete__title" id={`done-${lesson.id}`}>
        <TickIcon /> {t('learning.reader.completed')}
      </p>
      {courseDone ? <p>{t('learning.reader.courseDone')}</p> : null}
      <div className="actions">
        {lesson.nextLessonId ? (
          <Link className="button" to={paths.learnLesson(lesson.courseId, lesson.nextLessonId)}>
            {t('learning.reader.next')}
          </Link>
        ) : null}
        <Link
          className={lesson.nextLessonId ? 'button button--secondary' : 'button'}
          to={paths.learnCourse(lesson.courseId)}
        >
          {t('learning.reader.backToOutline')}
        </Link>
      </div>
    </div>
  );
}

import './quiz.css';

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../../app/paths';
import { errorMessage } from '../../../../shared/api/error-messages';
import { useLocalized } from '../../../../shared/courses/use-localized';
import { Alert } from '../../../../shared/ui/Alert';
import type { QuestionBank } from '../../api/quiz-api';
import type { StudioCourse } from '../../api/studio-api';
import { useQuestionBank, useStudioLesson } from '../../hooks/use-studio';
import { questionBankPath } from '../questions/question-bank-path';
import { quizNotReadyLessons } from './publish-problems';
import { quizReadiness } from './quiz-form';
import { readinessMessage } from './quiz-messages';

/**
 * Publishing refused with QUIZ_NOT_READY: each quiz lesson that cannot be drawn from the bank, linked
 * to its editor, with the reason in words (worked out from its settings and the bank, as the API did).
 */
export function QuizNotReadyError({ course, error }: { course: StudioCourse; error: unknown }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const bank = useQuestionBank(course.id);
  const lessons = quizNotReadyLessons(error);
  if (lessons.length === 0) return <Alert tone="error">{errorMessage(t, error)}</Alert>;
  const outline = course.sections.flatMap((section) => section.lessons);
  return (
    <Alert tone="error" title={t('studioQuiz.publish.title')}>
      <p>{t('studioQuiz.publish.lead', { count: lessons.length })}</p>
      <ul className="quiz-not-ready">
        {lessons.map((lesson) => {
          // The outline's title is the draft's current one; the answer's is the same unless renamed since.
          const title = localized.pick(
            outline.find((item) => item.id === lesson.lessonId)?.title ?? lesson.title,
          );
          return (
            <li key={lesson.lessonId}>
              <Link to={paths.studioLesson(lesson.lessonId)} lang={title.lang}>
                {title.text}
              </Link>
              <LessonProblem
                lessonId={lesson.lessonId}
                bank={bank.data}
                bankPending={bank.isPending}
                fallback={lesson.problem}
              />
            </li>
          );
        })}
      </ul>
      <p>
        <Link to={questionBankPath(course.id)}>{t('studioQuiz.publish.openBank')}</Link>
      </p>
    </Alert>
  );
}

/** One quiz's reason: from its settings and the bank once both are here; the API's sentence otherwise. */
function LessonProblem({
  lessonId,
  bank,
  bankPending,
  fallback,
}: {
  lessonId: string;
  bank: QuestionBank | undefined;
  bankPending: boolean;
  fallback: string;
}) {
  const { t } = useTranslation();
  const { data: lesson, isPending } = useStudioLesson(lessonId);
  if (isPending || bankPending) return null;
  const readiness =
    lesson?.quiz === null
      ? ({ kind: 'notSet' } as const)
      : lesson?.quiz && bank
        ? quizReadiness(lesson.quiz.pools, bank.items)
        : null;
  const message = readiness ? readinessMessage(t, readiness) : null;
  if (message) return <span className="quiz-not-ready__reason">{message}</span>;
  return fallback ? (
    <span className="quiz-not-ready__reason" lang="en">
      {fallback}
    </span>
  ) : null;
}

import { AttemptStatus, QuizFeedback } from '@hocvu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../../app/paths';
import { errorMessage } from '../../../../shared/api/error-messages';
import { useLocalized } from '../../../../shared/courses/use-localized';
import { formatNumber } from '../../../../shared/format';
import { Alert } from '../../../../shared/ui/Alert';
import type { LessonContent } from '../../api/learning-api';
import type { Attempt } from '../../api/quiz-api';
import { refreshAfterAttempt, useQuizOverview, useStartAttempt } from '../../hooks/use-quiz';
import { clearPendingAnswers } from '../../quiz/autosave';
import { FeedbackPanel } from './AnswerView';
import { RightIcon, TrophyIcon, WrongIcon } from './QuizIcons';
import { RetryNotice } from './QuizOverview';

interface QuizResultsProps {
  attempt: Attempt;
  lesson: LessonContent;
  onOpenAttempt: (attemptId: string) => void;
}

/** A finished attempt: the score, passed or not, each question per the feedback policy, and the way on. */
export function QuizResults({ attempt, lesson, onOpenAttempt }: QuizResultsProps) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const overview = useQuizOverview(attempt.courseId, attempt.lessonId);
  const start = useStartAttempt(attempt.courseId, attempt.lessonId);
  const language = i18n.resolvedLanguage ?? 'vi';
  const result = attempt.result;
  const passed = result?.passed === true;

  useEffect(() => {
    clearPendingAnswers(attempt.id);
    refreshAfterAttempt(queryClient, attempt);
    // The button pressed (or the question on screen when time ran out) is gone: say how it went.
    headingRef.current?.focus();
    // Once per attempt shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt.id]);

  const reviewed = attempt.feedback !== QuizFeedback.Never && attempt.questions.some((q) => q.feedback);
  // After a pass there is nothing to gain from another attempt here (the quiz page still offers one).
  const canRetry = !passed && overview.data?.canStart === true && !overview.data.openAttemptId;

  return (
    <section className="quiz-results" aria-labelledby="quiz-results-heading">
      <h2 id="quiz-results-heading" ref={headingRef} tabIndex={-1}>
        {t('quiz.results.title', { number: attempt.attemptNo })}
      </h2>

      {result ? (
        <div className={`quiz-verdict quiz-verdict--${passed ? 'passed' : 'failed'}`}>
          <p className="quiz-verdict__title">
            {passed ? (
              <RightIcon className="quiz-icon quiz-icon--big" />
            ) : (
              <WrongIcon className="quiz-icon quiz-icon--big" />
            )}
            {passed ? t('quiz.results.passed') : t('quiz.results.failed')}
          </p>
          <p className="quiz-verdict__score">
            <span className="quiz-verdict__percent">
              {t('quiz.percent', { percent: formatNumber(result.percent, language) })}
            </span>
            <span>
              {t('quiz.results.points', {
                points: formatNumber(result.points, language),
                max: formatNumber(result.maxPoints, language),
              })}
            </span>
          </p>
          <p>{t('quiz.results.passing', { percent: attempt.passingPercent })}</p>
          {attempt.status === AttemptStatus.TimedOut ? <p>{t('quiz.results.timedOut')}</p> : null}
        </div>
      ) : null}

      {passed && result?.courseCompleted ? (
        <div className="quiz-celebrate">
          <p className="quiz-celebrate__title">
            <TrophyIcon className="quiz-icon quiz-icon--big" />
            {t('quiz.results.courseCompleted')}
          </p>
          <p>{t('quiz.results.courseCompletedNote')}</p>
          <div className="actions">
            <Link className="button" to={paths.learnCourse(attempt.courseId)}>
              {t('learning.reader.backToOutline')}
            </Link>
          </div>
        </div>
      ) : null}

      {passed && !result?.courseCompleted && lesson.nextLessonId ? (
        <div className="actions">
          <Link className="button" to={paths.learnLesson(lesson.courseId, lesson.nextLessonId)}>
            {t('learning.reader.next')}
          </Link>
        </div>
      ) : null}

      {overview.data && !passed ? <RetryNotice overview={overview.data} /> : null}
      {start.error ? <Alert tone="error">{errorMessage(t, start.error)}</Alert> : null}
      <div className="actions">
        {canRetry ? (
          <button
            type="button"
            className="button"
            disabled={start.isPending}
            onClick={() => start.mutate(undefined, { onSuccess: (next) => onOpenAttempt(next.id) })}
          >
            {start.isPending ? t('quiz.overview.starting') : t('quiz.overview.retry')}
          </button>
        ) : null}
        <Link className="button button--secondary" to={paths.learnLesson(lesson.courseId, lesson.id)}>
          {t('quiz.results.backToQuiz')}
        </Link>
      </div>

      <section className="quiz-answers" aria-labelledby="quiz-answers-heading">
        <h2 id="quiz-answers-heading">{t('quiz.results.reviewTitle')}</h2>
        {reviewed ? (
          <ol className="quiz-answers__list">
            {attempt.questions.map((question, index) => {
              const text = localized.pick(question.question.text);
              return (
                <li key={question.id} className="quiz-answers__item">
                  <h3 className="quiz-answers__number">{t('quiz.review.number', { number: index + 1 })}</h3>
                  <p className="quiz-answers__text" lang={text.lang}>
                    {text.text}
                  </p>
                  {question.feedback ? (
                    <FeedbackPanel
                      question={question.question}
                      answer={question.answer}
                      feedback={question.feedback}
                      showAnswer
                    />
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="muted">{t('quiz.results.noReview')}</p>
        )}
      </section>
    </section>
  );
}

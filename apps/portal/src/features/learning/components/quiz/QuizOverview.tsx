import { AttemptStatus } from '@hocvu/contracts';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../../app/paths';
import { errorMessage } from '../../../../shared/api/error-messages';
import { Alert } from '../../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../../shared/ui/Loading';
import type { LessonContent } from '../../api/learning-api';
import type { AttemptSummary, QuizOverview as Overview } from '../../api/quiz-api';
import { useLearnerOutline } from '../../hooks/use-learning';
import { useQuizOverview, useStartAttempt } from '../../hooks/use-quiz';
import { formatClockTime, msUntilRetry } from '../../quiz/countdown';
import { LessonDone } from '../LessonDone';
import { ClockIcon, RightIcon, WrongIcon } from './QuizIcons';

interface QuizOverviewPanelProps {
  lesson: LessonContent;
  onOpenAttempt: (attemptId: string) => void;
}

/** Before (or between) attempts: what the quiz is, how the learner did, and the way in. */
export function QuizOverviewPanel({ lesson, onOpenAttempt }: QuizOverviewPanelProps) {
  const {
    data: overview,
    error,
    isPending,
    refetch,
    dataUpdatedAt,
  } = useQuizOverview(lesson.courseId, lesson.id);

  if (isPending) return <Loading />;
  if (!overview) {
    return <LoadFailedAlert error={error} onRetry={() => void refetch()} />;
  }
  return (
    <OverviewDetails
      lesson={lesson}
      overview={overview}
      updatedAt={dataUpdatedAt}
      onOpenAttempt={onOpenAttempt}
    />
  );
}

function OverviewDetails({
  lesson,
  overview,
  updatedAt,
  onOpenAttempt,
}: QuizOverviewPanelProps & { overview: Overview; updatedAt: number }) {
  const { t } = useTranslation();
  const start = useStartAttempt(lesson.courseId, lesson.id);
  const passed = overview.passed || lesson.completed;
  // Known only once the quiz is passed: whether that finished the course.
  const outline = useLearnerOutline(lesson.courseId, { enabled: passed });
  const courseDone = outline.data
    ? outline.data.nextLessonId === null && outline.data.progressPercent >= 100
    : false;
  const blockedId = useId();

  const label = overview.openAttemptId
    ? t('quiz.overview.resume')
    : overview.attemptsUsed > 0
      ? t('quiz.overview.retry')
      : t('quiz.overview.start');

  return (
    <div className="quiz-overview">
      {overview.finalExam ? <p className="quiz-badge">{t('quiz.finalExam')}</p> : null}
      {overview.finalExam ? <p>{t('quiz.overview.finalExamNote')}</p> : null}
      <dl className="details quiz-facts">
        <div className="details__row">
          <dt>{t('quiz.overview.questions')}</dt>
          <dd>{t('quiz.overview.questionCount', { count: overview.questionCount })}</dd>
        </div>
        <div className="details__row">
          <dt>{t('quiz.overview.timeLimit')}</dt>
          <dd>
            {overview.timeLimitMinutes === null
              ? t('quiz.overview.noTimeLimit')
              : t('quiz.overview.minutes', { count: overview.timeLimitMinutes })}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('quiz.overview.passing')}</dt>
          <dd>{t('quiz.overview.passingValue', { percent: overview.passingPercent })}</dd>
        </div>
        <div className="details__row">
          <dt>{t('quiz.overview.attempts')}</dt>
          <dd>
            {overview.attemptsAllowed === null
              ? t('quiz.overview.attemptsUnlimited', { used: overview.attemptsUsed })
              : t('quiz.overview.attemptsUsed', {
                  used: overview.attemptsUsed,
                  allowed: overview.attemptsAllowed,
                  left: overview.attemptsLeft ?? 0,
                })}
          </dd>
        </div>
        {overview.bestPercent !== null ? (
          <div className="details__row">
            <dt>{t('quiz.overview.best')}</dt>
            <dd>{t('quiz.percent', { percent: overview.bestPercent })}</dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>{t('quiz.overview.feedback')}</dt>
          <dd>{t(`quiz.overview.feedbackPolicy.${overview.feedback}`)}</dd>
        </div>
      </dl>

      {passed ? (
        <Alert tone="success">
          <p className="quiz-inline-icon">
            <RightIcon />
            {t('quiz.overview.passed')}
          </p>
        </Alert>
      ) : null}

      <RetryNotice overview={overview} id={blockedId} />
      {start.error ? <Alert tone="error">{errorMessage(t, start.error)}</Alert> : null}
      <div className="actions">
        <button
          type="button"
          className={passed && !overview.openAttemptId ? 'button button--secondary' : 'button button--large'}
          disabled={!overview.canStart || start.isPending}
          aria-describedby={overview.canStart ? undefined : blockedId}
          onClick={() => start.mutate(undefined, { onSuccess: (attempt) => onOpenAttempt(attempt.id) })}
        >
          {start.isPending ? t('quiz.overview.starting') : label}
        </button>
      </div>

      {overview.attempts.length > 0 ? (
        <PastAttempts attempts={overview.attempts} lesson={lesson} now={new Date(updatedAt)} />
      ) : null}
      {passed ? <LessonDone lesson={{ ...lesson, completed: true }} courseDone={courseDone} /> : null}
    </div>
  );
}

/**
 * Why no attempt can start: none left, or the wait after the last one ("Có thể làm lại lúc 14:30"). The
 * overview is fetched again when the wait is over, which enables the button.
 */
export function RetryNotice({ overview, id }: { overview: Overview; id?: string }) {
  const { t, i18n } = useTranslation();
  const { refetch, dataUpdatedAt } = useQuizOverview(overview.courseId, overview.lessonId);
  const retryAt = overview.blockedReason === 'cooling_down' ? overview.retryAt : null;

  useEffect(() => {
    if (!retryAt) return undefined;
    const timer = setTimeout(() => void refetch(), msUntilRetry(retryAt, Date.now()));
    return () => clearTimeout(timer);
  }, [retryAt, refetch]);

  if (overview.blockedReason === 'no_attempts_left') {
    return (
      <Alert tone="warning" role="none">
        <p id={id}>{t('quiz.overview.noAttemptsLeft')}</p>
      </Alert>
    );
  }
  if (retryAt) {
    return (
      <Alert tone="warning" role="none">
        <p id={id} className="quiz-inline-icon">
          <ClockIcon />
          {t('quiz.overview.retryAt', {
            time: formatClockTime(retryAt, i18n.resolvedLanguage ?? 'vi', new Date(dataUpdatedAt)),
          })}
        </p>
      </Alert>
    );
  }
  return null;
}

function PastAttempts({
  attempts,
  lesson,
  now,
}: {
  attempts: AttemptSummary[];
  lesson: LessonContent;
  now: Date;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <section className="quiz-past" aria-labelledby="quiz-past-heading">
      <h2 id="quiz-past-heading" className="quiz-past__title">
        {t('quiz.overview.pastAttempts')}
      </h2>
      <ol className="quiz-past__list">
        {[...attempts].reverse().map((attempt) => {
          const open = attempt.status === AttemptStatus.InProgress;
          return (
            <li key={attempt.id} className="quiz-past__item">
              <span className="quiz-past__head">
                <strong>{t('quiz.overview.attemptNumber', { number: attempt.attemptNo })}</strong>
                <span className="muted">
                  {' '}
                  · {formatClockTime(attempt.finishedAt ?? attempt.startedAt, language, now)}
                </span>
              </span>
              <span className="quiz-past__result">
                {open ? (
                  t('quiz.overview.inProgress')
                ) : (
                  <>
                    {attempt.passed ? <RightIcon /> : <WrongIcon className="quiz-icon quiz-icon--wrong" />}
                    {t('quiz.percent', { percent: attempt.percent ?? 0 })} ·{' '}
                    {attempt.passed ? t('quiz.passed') : t('quiz.failed')}
                    {attempt.status === AttemptStatus.TimedOut ? ` · ${t('quiz.overview.timedOut')}` : ''}
                  </>
                )}
              </span>
              {open ? null : (
                <Link
                  className="quiz-past__link"
                  to={`${paths.learnLesson(lesson.courseId, lesson.id)}?attempt=${encodeURIComponent(attempt.id)}`}
                >
                  {t('quiz.overview.seeResult', { number: attempt.attemptNo })}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

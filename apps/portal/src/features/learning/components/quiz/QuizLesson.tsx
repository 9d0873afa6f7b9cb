import './quiz.css';

import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { paths } from '../../../../app/paths';
import { isTransientError } from '../../../../shared/api/api-error';
import { errorMessage } from '../../../../shared/api/error-messages';
import { Alert } from '../../../../shared/ui/Alert';
import { Loading } from '../../../../shared/ui/Loading';
import type { LessonContent } from '../../api/learning-api';
import { useAttempt } from '../../hooks/use-quiz';
import { AttemptRunner } from './AttemptRunner';
import { QuizOverviewPanel } from './QuizOverview';
import { QuizResults } from './QuizResults';

/** The URL parameter naming the attempt on screen, so that a reload lands in the same attempt. */
const ATTEMPT_PARAM = 'attempt';

/**
 * A quiz lesson (its own chunk, loaded by the lesson reader): the overview, or — with `?attempt=<id>`
 * in the URL — that attempt, taken or with its results.
 */
export default function QuizLesson({ lesson }: { lesson: LessonContent }) {
  const [params, setParams] = useSearchParams();
  const attemptId = params.get(ATTEMPT_PARAM);
  const openAttempt = (id: string) => setParams({ [ATTEMPT_PARAM]: id });

  if (attemptId) {
    return (
      <AttemptScreen key={attemptId} lesson={lesson} attemptId={attemptId} onOpenAttempt={openAttempt} />
    );
  }
  return <QuizOverviewPanel lesson={lesson} onOpenAttempt={openAttempt} />;
}

function AttemptScreen({
  lesson,
  attemptId,
  onOpenAttempt,
}: {
  lesson: LessonContent;
  attemptId: string;
  onOpenAttempt: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { data: attempt, error, isPending, refetch } = useAttempt(attemptId);

  if (isPending) return <Loading />;
  if (!attempt || attempt.lessonId !== lesson.id) {
    return (
      <>
        <Alert tone="error">{attempt ? t('errors.ATTEMPT_NOT_FOUND') : errorMessage(t, error)}</Alert>
        <div className="actions">
          {!attempt && isTransientError(error) ? (
            <button type="button" className="button" onClick={() => void refetch()}>
              {t('common.retry')}
            </button>
          ) : null}
          <Link className="button button--secondary" to={paths.learnLesson(lesson.courseId, lesson.id)}>
            {t('quiz.results.backToQuiz')}
          </Link>
        </div>
      </>
    );
  }
  if (attempt.status === 'in_progress') return <AttemptRunner key={attempt.id} attempt={attempt} />;
  return <QuizResults attempt={attempt} lesson={lesson} onOpenAttempt={onOpenAttempt} />;
}

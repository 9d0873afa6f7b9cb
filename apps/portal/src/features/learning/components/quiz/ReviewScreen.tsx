import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../../shared/courses/use-localized';
import { Alert } from '../../../../shared/ui/Alert';
import type { AnswerPayload, AttemptQuestion } from '../../api/quiz-api';
import { isAnswered } from '../../quiz/answers';
import { EmptyIcon, RightIcon } from './QuizIcons';

interface ReviewScreenProps {
  questions: AttemptQuestion[];
  answers: ReadonlyMap<string, AnswerPayload>;
  headingRef: Ref<HTMLHeadingElement>;
  submitting: boolean;
  /** Why the last try to submit did not go through, already in words. */
  submitProblem: string | null;
  onOpen: (index: number) => void;
  onSubmit: () => void;
}

/** Every question with whether it has an answer, a way back to each, then "Nộp bài" (confirmed). */
export function ReviewScreen({
  questions,
  answers,
  headingRef,
  submitting,
  submitProblem,
  onOpen,
  onSubmit,
}: ReviewScreenProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [confirming, setConfirming] = useState(false);
  const unanswered = questions.filter((question) => !isAnswered(answers.get(question.id))).length;

  return (
    <section className="quiz-review" aria-labelledby="quiz-review-heading">
      <h2 id="quiz-review-heading" ref={headingRef} tabIndex={-1}>
        {t('quiz.review.title')}
      </h2>
      {unanswered > 0 ? (
        <Alert tone="warning" role="none">
          <p>{t('quiz.review.unanswered', { count: unanswered })}</p>
        </Alert>
      ) : (
        <p>{t('quiz.review.allAnswered', { count: questions.length })}</p>
      )}
      <ol className="quiz-review__list">
        {questions.map((question, index) => {
          const answered = isAnswered(answers.get(question.id));
          const text = localized.pick(question.question.text);
          return (
            <li
              key={question.id}
              className={`quiz-review__item${answered ? '' : ' quiz-review__item--open'}`}
            >
              <span className="quiz-review__state">
                {answered ? <RightIcon className="quiz-icon quiz-icon--done" /> : <EmptyIcon />}
                <span>
                  <strong>{t('quiz.review.number', { number: index + 1 })}</strong>{' '}
                  {answered ? t('quiz.review.answered') : t('quiz.review.notAnswered')}
                </span>
              </span>
              <span className="quiz-review__text" lang={text.lang}>
                {text.text}
              </span>
              <button
                type="button"
                className="button button--secondary button--small quiz-review__open"
                onClick={() => onOpen(index)}
              >
                {answered
                  ? t('quiz.review.change', { number: index + 1 })
                  : t('quiz.review.answer', { number: index + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      {submitProblem ? <Alert tone="error">{submitProblem}</Alert> : null}
      {confirming ? (
        <div className="confirm quiz-confirm" role="group" aria-labelledby="quiz-confirm-text">
          <p id="quiz-confirm-text">
            <strong>{t('quiz.review.confirm')}</strong>
          </p>
          {unanswered > 0 ? <p>{t('quiz.review.confirmUnanswered', { count: unanswered })}</p> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--large"
              disabled={submitting}
              // Focus lands here when the question opens: the learner confirms or steps back.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              onClick={onSubmit}
            >
              {submitting ? t('quiz.review.submitting') : t('quiz.review.confirmSubmit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={submitting}
              onClick={() => setConfirming(false)}
            >
              {t('quiz.review.keepGoing')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button--large" onClick={() => setConfirming(true)}>
            {t('quiz.review.submit')}
          </button>
        </div>
      )}
    </section>
  );
}

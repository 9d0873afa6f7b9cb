import { PUBLIC_MEDIA_PREFIX } from '@hocvu/contracts';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../../shared/courses/use-localized';
import type { AnswerPayload, AttemptQuestionView, QuestionFeedback } from '../../api/quiz-api';
import { isAnswered } from '../../quiz/answers';
import { PartlyIcon, RightIcon, WrongIcon } from './QuizIcons';

/** The picture of a question, if it has one (alt text per language). */
export function QuestionImage({ question }: { question: AttemptQuestionView }) {
  const localized = useLocalized();
  if (!question.image) return null;
  const alt = localized.pick(question.image.alt);
  return (
    <img
      className="quiz-question__image"
      src={`${PUBLIC_MEDIA_PREFIX}${question.image.key}`}
      alt={alt.text}
      lang={alt.lang}
      loading="lazy"
    />
  );
}

/** An answer in words: the option chosen, the boxes ticked, "Đúng"/"Sai", the order, the text typed. */
export function AnswerText({
  question,
  answer,
}: {
  question: AttemptQuestionView;
  answer: AnswerPayload | null | undefined;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!answer || !isAnswered(answer))
    return <span className="quiz-answer--none">{t('quiz.feedback.noAnswer')}</span>;
  const optionText = (id: string) => {
    const option = question.options?.find((candidate) => candidate.id === id);
    const text = localized.pick(option?.text);
    return (
      <span lang={text.lang} key={id}>
        {text.text || '—'}
      </span>
    );
  };
  if (typeof answer.optionId === 'string') return optionText(answer.optionId);
  if (typeof answer.value === 'boolean') {
    return <span>{answer.value ? t('quiz.attempt.true') : t('quiz.attempt.false')}</span>;
  }
  if (Array.isArray(answer.optionIds)) {
    return (
      <ul className="quiz-answer-list">
        {answer.optionIds.map((id) => (
          <li key={id}>{optionText(id)}</li>
        ))}
      </ul>
    );
  }
  if (Array.isArray(answer.order)) {
    return (
      <ol className="quiz-answer-list quiz-answer-list--ordered">
        {answer.order.map((id) => (
          <li key={id}>{optionText(id)}</li>
        ))}
      </ol>
    );
  }
  return <span className="quiz-answer--text">“{answer.text}”</span>;
}

type Verdict = 'right' | 'partly' | 'wrong';

export function verdictOf(feedback: QuestionFeedback): Verdict {
  if (feedback.correct) return 'right';
  return feedback.score > 0 ? 'partly' : 'wrong';
}

/**
 * Whether an answer was right, the correct answer when it was not, and the explanation. Shown after
 * each answer (feedback policy `after_each`) and on the results page.
 */
export function FeedbackPanel({
  question,
  answer,
  feedback,
  showAnswer = false,
  ref,
}: {
  question: AttemptQuestionView;
  answer: AnswerPayload | null | undefined;
  feedback: QuestionFeedback;
  /** Also repeat the learner's own answer (on the results page; while answering it is right above). */
  showAnswer?: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const verdict = isAnswered(answer) ? verdictOf(feedback) : 'wrong';
  const explanation = localized.pick(feedback.explanation);
  const Icon = verdict === 'right' ? RightIcon : verdict === 'partly' ? PartlyIcon : WrongIcon;
  return (
    <div className={`quiz-feedback quiz-feedback--${verdict}`} ref={ref} tabIndex={-1}>
      <p className="quiz-feedback__verdict">
        <Icon />
        {isAnswered(answer) ? t(`quiz.feedback.${verdict}`) : t('quiz.feedback.unanswered')}
      </p>
      <dl className="quiz-feedback__details">
        {showAnswer ? (
          <div>
            <dt>{t('quiz.feedback.yourAnswer')}</dt>
            <dd>
              <AnswerText question={question} answer={answer} />
            </dd>
          </div>
        ) : null}
        {verdict !== 'right' ? (
          <div>
            <dt>{t('quiz.feedback.correctAnswer')}</dt>
            <dd>
              <AnswerText question={question} answer={feedback.correctAnswer} />
            </dd>
          </div>
        ) : null}
        {explanation.text ? (
          <div>
            <dt>{t('quiz.feedback.explanation')}</dt>
            <dd lang={explanation.lang}>{explanation.text}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

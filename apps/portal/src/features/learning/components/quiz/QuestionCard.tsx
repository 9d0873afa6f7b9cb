import { type Ref, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../../shared/courses/use-localized';
import type { AnswerPayload, AttemptQuestion, QuestionFeedback } from '../../api/quiz-api';
import { moveItem, toggleOption } from '../../quiz/answers';
import { FeedbackPanel, QuestionImage } from './AnswerView';

/** How long typing pauses before a short-text answer is saved (it is saved on leaving the box too). */
const TEXT_SAVE_DELAY_MS = 1_500;

/** `now`: save it; `draft`: keep it on screen (text being typed; saved after a pause or on leaving). */
export type AnswerMode = 'now' | 'draft';

export interface QuestionCardProps {
  question: AttemptQuestion;
  number: number;
  total: number;
  answer: AnswerPayload | null;
  /** Time is up, the answer is final (marked), or it is being marked. */
  disabled: boolean;
  /** Shown under the question once it is marked (feedback policy `after_each`). */
  feedback: QuestionFeedback | null;
  headingRef: Ref<HTMLHeadingElement>;
  feedbackRef: Ref<HTMLDivElement>;
  onAnswer: (payload: AnswerPayload, mode: AnswerMode) => void;
}

/** One question on its own screen: its number, its text in a legend, and the inputs of its type. */
export function QuestionCard(props: QuestionCardProps) {
  const { question, number, total, answer, feedback, headingRef, feedbackRef } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = useId();
  const text = localized.pick(question.question.text);
  const headingId = `${id}-heading`;

  return (
    <section className="quiz-question" aria-labelledby={headingId}>
      <h2 className="quiz-question__number" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('quiz.attempt.questionOf', { number, total })}
      </h2>
      <fieldset className="quiz-question__fieldset" aria-describedby={`${id}-hint`}>
        <legend className="quiz-question__text" lang={text.lang}>
          {text.text}
        </legend>
        <QuestionImage question={question.question} />
        <p className="quiz-question__hint" id={`${id}-hint`}>
          {t(`quiz.attempt.hint.${question.question.type}`)}
        </p>
        <AnswerInputs {...props} name={`${id}-answer`} />
      </fieldset>
      {feedback ? (
        <FeedbackPanel question={question.question} answer={answer} feedback={feedback} ref={feedbackRef} />
      ) : null}
    </section>
  );
}

function AnswerInputs(props: QuestionCardProps & { name: string }) {
  switch (props.question.question.type) {
    case 'single_choice':
      return <SingleChoice {...props} />;
    case 'multiple_choice':
      return <MultipleChoice {...props} />;
    case 'true_false':
      return <TrueFalse {...props} />;
    case 'ordering':
      return <Ordering {...props} />;
    case 'short_text':
      return <ShortText {...props} />;
  }
}

function SingleChoice({ question, answer, disabled, name, onAnswer }: QuestionCardProps & { name: string }) {
  const localized = useLocalized();
  return (
    <div className="quiz-options">
      {(question.question.options ?? []).map((option) => {
        const text = localized.pick(option.text);
        const checked = answer?.optionId === option.id;
        return (
          <label key={option.id} className={`quiz-option${checked ? ' quiz-option--chosen' : ''}`}>
            <input
              type="radio"
              className="quiz-option__input"
              name={name}
              value={option.id}
              checked={checked}
              disabled={disabled}
              onChange={() => onAnswer({ optionId: option.id }, 'now')}
            />
            <span className="quiz-option__text" lang={text.lang}>
              {text.text}
            </span>
          </label>
        );
      })}
    </div>
  );
}

function MultipleChoice({ question, answer, disabled, onAnswer }: QuestionCardProps) {
  const localized = useLocalized();
  const options = question.question.options ?? [];
  const selected = answer?.optionIds ?? [];
  const shown = options.map((option) => option.id);
  return (
    <div className="quiz-options">
      {options.map((option) => {
        const text = localized.pick(option.text);
        const checked = selected.includes(option.id);
        return (
          <label key={option.id} className={`quiz-option${checked ? ' quiz-option--chosen' : ''}`}>
            <input
              type="checkbox"
              className="quiz-option__input"
              value={option.id}
              checked={checked}
              disabled={disabled}
              onChange={() => onAnswer({ optionIds: toggleOption(selected, option.id, shown) }, 'now')}
            />
            <span className="quiz-option__text" lang={text.lang}>
              {text.text}
            </span>
          </label>
        );
      })}
    </div>
  );
}

function TrueFalse({ answer, disabled, name, onAnswer }: QuestionCardProps & { name: string }) {
  const { t } = useTranslation();
  const choices = [
    { value: true, label: t('quiz.attempt.true'), mark: '✓' },
    { value: false, label: t('quiz.attempt.false'), mark: '✗' },
  ];
  return (
    <div className="quiz-options quiz-options--true-false">
      {choices.map((choice) => {
        const checked = answer?.value === choice.value;
        return (
          <label
            key={String(choice.value)}
            className={`quiz-option quiz-option--big${checked ? ' quiz-option--chosen' : ''}`}
          >
            <input
              type="radio"
              className="quiz-option__input"
              name={name}
              value={String(choice.value)}
              checked={checked}
              disabled={disabled}
              onChange={() => onAnswer({ value: choice.value }, 'now')}
            />
            <span className="quiz-option__mark" aria-hidden="true">
              {choice.mark}
            </span>
            <span className="quiz-option__text">{choice.label}</span>
          </label>
        );
      })}
    </div>
  );
}

/**
 * Items put in order with "Lên"/"Xuống" buttons on each (no dragging: it needs two steady hands and
 * does not work with a keyboard or a screen reader). Focus follows the item moved.
 */
function Ordering({ question, answer, disabled, onAnswer }: QuestionCardProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const options = question.question.options ?? [];
  const order = answer?.order ?? options.map((option) => option.id);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [said, setSaid] = useState('');
  const textOf = (optionId: string) => localized.pick(options.find((option) => option.id === optionId)?.text);

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (disabled || target < 0 || target >= order.length) return;
    const itemId = order[index];
    onAnswer({ order: moveItem(order, index, delta) }, 'now');
    setSaid(
      t('quiz.attempt.movedTo', { item: textOf(itemId).text, position: target + 1, total: order.length }),
    );
    // The list is re-rendered in its new order: keep focus on the same button of the item moved.
    requestAnimationFrame(() => buttons.current.get(`${itemId}:${delta}`)?.focus());
  };

  return (
    <>
      <ol className="quiz-order">
        {order.map((optionId, index) => {
          const text = textOf(optionId);
          const first = index === 0;
          const last = index === order.length - 1;
          return (
            <li key={optionId} className="quiz-order__item">
              <span className="quiz-order__position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="quiz-order__text" lang={text.lang}>
                {text.text}
              </span>
              <span className="quiz-order__moves">
                <button
                  type="button"
                  className="quiz-order__move"
                  ref={(node) => {
                    if (node) buttons.current.set(`${optionId}:-1`, node);
                    else buttons.current.delete(`${optionId}:-1`);
                  }}
                  aria-label={t('quiz.attempt.moveUp', { item: text.text })}
                  aria-disabled={disabled || first}
                  onClick={() => move(index, -1)}
                >
                  <span aria-hidden="true">▲</span>
                </button>
                <button
                  type="button"
                  className="quiz-order__move"
                  ref={(node) => {
                    if (node) buttons.current.set(`${optionId}:1`, node);
                    else buttons.current.delete(`${optionId}:1`);
                  }}
                  aria-label={t('quiz.attempt.moveDown', { item: text.text })}
                  aria-disabled={disabled || last}
                  onClick={() => move(index, 1)}
                >
                  <span aria-hidden="true">▼</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {answer?.order || disabled ? null : (
        // The items come shuffled; someone who thinks the order shown is right can still answer.
        <button
          type="button"
          className="button button--secondary quiz-order__keep"
          onClick={() => onAnswer({ order }, 'now')}
        >
          {t('quiz.attempt.keepOrder')}
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </>
  );
}

/** Typed text, saved after a pause in typing and on leaving the box. */
function ShortText({ question, answer, disabled, onAnswer }: QuestionCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const max = question.question.maxLength ?? 500;
  const text = answer?.text ?? '';
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<string | null>(null);

  const commit = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (latest.current !== null) onAnswer({ text: latest.current }, 'now');
    latest.current = null;
  };
  // Leaving the question (Next, a progress dot, time up) saves what was typed.
  const commitOnUnmount = useRef(commit);
  useEffect(() => {
    commitOnUnmount.current = commit;
  });
  useEffect(() => () => commitOnUnmount.current(), []);

  return (
    <div className="field quiz-text">
      <label className="field__label" htmlFor={id}>
        {t('quiz.attempt.yourAnswer')}
      </label>
      {question.question.diacriticInsensitive ? (
        <p className="field__hint" id={`${id}-diacritics`}>
          {t('quiz.attempt.diacriticsOk')}
        </p>
      ) : null}
      <input
        id={id}
        className="input quiz-text__input"
        type="text"
        value={text}
        maxLength={max}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="done"
        aria-describedby={`${question.question.diacriticInsensitive ? `${id}-diacritics ` : ''}${id}-count`}
        onChange={(event) => {
          const value = event.target.value;
          latest.current = value;
          onAnswer({ text: value }, 'draft');
          clearTimeout(timer.current);
          timer.current = setTimeout(commit, TEXT_SAVE_DELAY_MS);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <p className="quiz-text__count" id={`${id}-count`}>
        {t('quiz.attempt.characters', { used: [...text].length, max })}
      </p>
    </div>
  );
}

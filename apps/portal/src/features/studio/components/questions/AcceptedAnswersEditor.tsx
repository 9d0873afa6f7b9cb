import { MAX_ACCEPTED_ANSWERS, SHORT_TEXT_MAX_LENGTH } from '@hocvu/assessment';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckboxField, FieldMessages, TextField } from '../../../../shared/forms';
import { describedBy } from '../../../../shared/forms/field-ids';
import { editorIds } from './editor-fields';
import type { QuestionFormValues } from './question-form';

interface AcceptedAnswersEditorProps {
  form: QuestionFormValues;
  onChange: (patch: Partial<QuestionFormValues>) => void;
  error: string | undefined;
  errorOf: (index: number) => string | undefined;
  announce: (message: string) => void;
}

/** A short-text question's accepted answers, one box each, and whether answers without diacritics count. */
export function AcceptedAnswersEditor({
  form,
  onChange,
  error,
  errorOf,
  announce,
}: AcceptedAnswersEditorProps) {
  const { t } = useTranslation();
  const answers = form.acceptedAnswers;
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const element = document.getElementById(pendingFocus.current);
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
  });

  const add = () => {
    if (answers.length >= MAX_ACCEPTED_ANSWERS) return;
    pendingFocus.current = editorIds.answer(answers.length);
    onChange({ acceptedAnswers: [...answers, ''] });
  };

  const remove = (index: number) => {
    if (answers.length <= 1) return;
    pendingFocus.current = editorIds.answer(Math.max(0, index - 1));
    onChange({ acceptedAnswers: answers.filter((_, i) => i !== index) });
    announce(t('studio.questions.answerRemoved', { number: index + 1 }));
  };

  return (
    <>
      <fieldset
        id={editorIds.answers}
        className={`field fieldset${error ? ' field--error' : ''}`}
        aria-describedby={describedBy(editorIds.answers, { hint: true, error: Boolean(error) })}
      >
        <legend className="field__label">{t('studio.questions.acceptedAnswers')}</legend>
        <FieldMessages
          id={editorIds.answers}
          hint={t('studio.questions.acceptedAnswersHint')}
          error={error}
        />
        <ol className="answer-list">
          {answers.map((answer, index) => (
            // Answers have no ids of their own: the boxes are keyed by place (they are controlled).
            <li key={index} className="answer-row">
              <TextField
                id={editorIds.answer(index)}
                type="text"
                label={t('studio.questions.acceptedAnswer', { number: index + 1 })}
                value={answer}
                maxLength={SHORT_TEXT_MAX_LENGTH}
                error={errorOf(index)}
                onValueChange={(value) =>
                  onChange({ acceptedAnswers: answers.map((old, i) => (i === index ? value : old)) })
                }
              />
              {answers.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary button--small answer-row__remove"
                  onClick={() => remove(index)}
                >
                  {t('studio.questions.removeAnswer')}
                  <span className="visually-hidden">
                    {' '}
                    ({t('studio.questions.acceptedAnswer', { number: index + 1 })})
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          id={editorIds.addAnswer}
          type="button"
          className="button button--secondary button--small button--icon"
          aria-disabled={answers.length >= MAX_ACCEPTED_ANSWERS ? true : undefined}
          onClick={add}
        >
          <span aria-hidden="true">+</span> {t('studio.questions.addAnswer')}
        </button>
      </fieldset>
      <CheckboxField
        id="question-diacritic-insensitive"
        label={t('studio.questions.diacriticInsensitive')}
        hint={t('studio.questions.diacriticInsensitiveHint')}
        checked={form.diacriticInsensitive}
        onCheckedChange={(diacriticInsensitive) => onChange({ diacriticInsensitive })}
      />
    </>
  );
}

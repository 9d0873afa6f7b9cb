import { MAX_OPTIONS, MIN_OPTIONS } from '@hocvu/assessment';
import type { LocalizedText } from '@hocvu/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { ContentLanguage } from '../../../../shared/courses/use-content-languages';
import { FieldMessages } from '../../../../shared/forms';
import { describedBy } from '../../../../shared/forms/field-ids';
import { LocalizedTextFields } from '../LocalizedTextFields';
import { editorIds } from './editor-fields';
import {
  canAddOption,
  canRemoveOption,
  emptyOption,
  moveOption,
  type OptionDraft,
  type QuestionFormValues,
} from './question-form';

interface OptionListEditorProps {
  form: QuestionFormValues;
  onChange: (patch: Partial<QuestionFormValues>) => void;
  languages: readonly ContentLanguage[];
  /** The error of the list as a whole (too few options, no correct answer). */
  error: string | undefined;
  /** The error of the option at an index. */
  errorOf: (index: number) => string | undefined;
  /** Read out after a move, an addition or a removal. */
  announce: (message: string) => void;
}

/**
 * The options of a choice question, or the items of an ordering question (in their correct order):
 * 2–6 of them, each with its text per language; added, removed and moved with buttons, so the keyboard
 * and a touch screen can do everything. Single choice marks its answer with a radio button, multiple
 * choice with checkboxes.
 */
export function OptionListEditor({
  form,
  onChange,
  languages,
  error,
  errorOf,
  announce,
}: OptionListEditorProps) {
  const { t } = useTranslation();
  const { type, options } = form;
  const ordering = type === 'ordering';
  const pendingFocus = useRef<string | null>(null);

  // A moved, added or removed row is rendered anew: give the keyboard back to the right control then.
  useEffect(() => {
    if (!pendingFocus.current) return;
    const element = document.getElementById(pendingFocus.current);
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
  });

  const label = (index: number) =>
    ordering
      ? t('studio.questions.item', { number: index + 1 })
      : t('studio.questions.option', { number: index + 1 });

  const setText = (index: number, text: LocalizedText) =>
    onChange({ options: options.map((option, i) => (i === index ? { ...option, text } : option)) });

  const move = (option: OptionDraft, index: number, step: -1 | 1) => {
    const next = moveOption(options, index, step);
    if (!next) return;
    pendingFocus.current = editorIds.optionMove(option.id, step);
    onChange({ options: next });
    announce(t('studio.questions.optionMoved', { label: label(index), position: index + step + 1 }));
  };

  const add = () => {
    if (!canAddOption(form)) return;
    const option = emptyOption();
    pendingFocus.current = `${editorIds.option(option.id)}-vi`;
    onChange({ options: [...options, option] });
    announce(t('studio.questions.optionAdded', { label: label(options.length) }));
  };

  const remove = (option: OptionDraft, index: number) => {
    if (!canRemoveOption(form)) return;
    const rest = options.filter((candidate) => candidate.id !== option.id);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    pendingFocus.current = neighbour ? `${editorIds.option(neighbour.id)}-vi` : editorIds.addOption;
    onChange({
      options: rest,
      correctOptionId: form.correctOptionId === option.id ? '' : form.correctOptionId,
      correctOptionIds: form.correctOptionIds.filter((id) => id !== option.id),
    });
    announce(t('studio.questions.optionRemoved', { label: label(index) }));
  };

  const hint = t(
    `studio.questions.optionsHint.${type === 'multiple_choice' ? 'multiple' : ordering ? 'ordering' : 'single'}`,
    {
      min: MIN_OPTIONS,
      max: MAX_OPTIONS,
    },
  );

  return (
    <fieldset
      id={editorIds.options}
      className={`field fieldset option-list${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(editorIds.options, { hint: true, error: Boolean(error) })}
    >
      <legend className="field__label">
        {ordering ? t('studio.questions.items') : t('studio.questions.options')}
      </legend>
      <FieldMessages id={editorIds.options} hint={hint} error={error} />
      <ol className="option-list__items">
        {options.map((option, index) => {
          const name = label(index);
          const correctId = editorIds.optionCorrect(option.id);
          return (
            <li key={option.id} className="option-row">
              <LocalizedTextFields
                id={editorIds.option(option.id)}
                label={name}
                value={option.text}
                onValueChange={(text) => setText(index, text)}
                languages={languages}
                error={errorOf(index)}
              />
              <div className="option-row__controls">
                {type === 'single_choice' || type === 'multiple_choice' ? (
                  <div className="check option-row__correct">
                    <input
                      id={correctId}
                      type={type === 'single_choice' ? 'radio' : 'checkbox'}
                      name={type === 'single_choice' ? `${editorIds.options}-correct` : correctId}
                      className="check__input"
                      checked={
                        type === 'single_choice'
                          ? form.correctOptionId === option.id
                          : form.correctOptionIds.includes(option.id)
                      }
                      onChange={(event) =>
                        type === 'single_choice'
                          ? onChange({ correctOptionId: option.id })
                          : onChange({
                              correctOptionIds: event.target.checked
                                ? [...form.correctOptionIds, option.id]
                                : form.correctOptionIds.filter((id) => id !== option.id),
                            })
                      }
                    />
                    <label htmlFor={correctId} className="check__label">
                      {t('studio.questions.isCorrect')}
                      <span className="visually-hidden"> ({name})</span>
                    </label>
                  </div>
                ) : null}
                <div className="option-row__buttons">
                  {([-1, 1] as const).map((step) => {
                    const possible = moveOption(options, index, step) !== null;
                    return (
                      <button
                        key={step}
                        id={editorIds.optionMove(option.id, step)}
                        type="button"
                        className="button button--secondary button--small move-button"
                        aria-disabled={possible ? undefined : true}
                        onClick={() => move(option, index, step)}
                      >
                        <span aria-hidden="true">{step < 0 ? '↑' : '↓'}</span>{' '}
                        {step < 0 ? t('studio.editor.moveUp') : t('studio.editor.moveDown')}
                        <span className="visually-hidden"> ({name})</span>
                      </button>
                    );
                  })}
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-disabled={canRemoveOption(form) ? undefined : true}
                    onClick={() => remove(option, index)}
                  >
                    {t('studio.questions.removeOption')}
                    <span className="visually-hidden"> ({name})</span>
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        id={editorIds.addOption}
        type="button"
        className="button button--secondary button--small button--icon"
        aria-disabled={canAddOption(form) ? undefined : true}
        onClick={add}
      >
        <span aria-hidden="true">+</span>{' '}
        {ordering ? t('studio.questions.addItem') : t('studio.questions.addOption')}
      </button>
    </fieldset>
  );
}

import type { ReactNode } from 'react';

import { describedBy } from './field-ids';
import { FieldLabelText, FieldMessages } from './FieldParts';

export interface ChoiceOption<Value extends string> {
  value: Value;
  label: ReactNode;
  /** For an option written in another language (a content language's own name). */
  lang?: string;
}

interface ChoiceGroupProps<Value extends string> {
  id: string;
  type: 'radio' | 'checkbox';
  legend: ReactNode;
  options: readonly ChoiceOption<Value>[];
  isChecked: (value: Value) => boolean;
  onToggle: (value: Value, checked: boolean) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * The fieldset of large radio buttons or checkboxes that RadioGroupField and CheckboxGroupField share.
 * Option inputs have the ids `<id>-<value>`; the error summary links to the first one.
 */
export function ChoiceGroup<Value extends string>({
  id,
  type,
  legend,
  options,
  isChecked,
  onToggle,
  hint,
  error,
  optional = false,
}: ChoiceGroupProps<Value>) {
  return (
    <fieldset
      id={id}
      className={`field fieldset${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
    >
      <legend className="field__label">
        <FieldLabelText label={legend} optional={optional} />
      </legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="choices">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input
                className="choice__input"
                type={type}
                id={optionId}
                name={id}
                value={option.value}
                checked={isChecked(option.value)}
                onChange={(event) => onToggle(option.value, event.target.checked)}
              />
              <label className="choice__label" htmlFor={optionId} lang={option.lang}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

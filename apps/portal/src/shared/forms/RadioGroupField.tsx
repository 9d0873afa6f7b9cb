import type { ReactNode } from 'react';

import { describedBy } from './field-ids';
import { FieldLabelText, FieldMessages } from './FieldParts';

export interface RadioOption<Value extends string> {
  value: Value;
  label: ReactNode;
}

interface RadioGroupFieldProps<Value extends string> {
  id: string;
  legend: ReactNode;
  options: readonly RadioOption<Value>[];
  value: Value | '';
  onValueChange: (value: Value) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * A fieldset of large radio buttons: easier to hit and read than a dropdown for a handful of choices.
 * Option inputs have the ids `<id>-<value>`; the error summary links to the first one.
 */
export function RadioGroupField<Value extends string>({
  id,
  legend,
  options,
  value,
  onValueChange,
  hint,
  error,
  optional = false,
}: RadioGroupFieldProps<Value>) {
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
                type="radio"
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onValueChange(option.value)}
              />
              <label className="choice__label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

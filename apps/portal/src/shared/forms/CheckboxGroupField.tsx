import type { ReactNode } from 'react';

import { describedBy } from './field-ids';
import { FieldLabelText, FieldMessages } from './FieldParts';

export interface CheckboxOption<Value extends string> {
  value: Value;
  label: ReactNode;
  /** For an option written in another language (a content language's own name). */
  lang?: string;
}

interface CheckboxGroupFieldProps<Value extends string> {
  id: string;
  legend: ReactNode;
  options: readonly CheckboxOption<Value>[];
  value: readonly Value[];
  onValueChange: (value: Value[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * Several choices at once, as a fieldset of large checkboxes. Option inputs have the ids
 * `<id>-<value>`; the error summary links to the first one. The value keeps the options' order.
 */
export function CheckboxGroupField<Value extends string>({
  id,
  legend,
  options,
  value,
  onValueChange,
  hint,
  error,
  optional = false,
}: CheckboxGroupFieldProps<Value>) {
  const toggle = (option: Value, checked: boolean) => {
    const next = new Set(value);
    if (checked) next.add(option);
    else next.delete(option);
    onValueChange(options.map((candidate) => candidate.value).filter((candidate) => next.has(candidate)));
  };

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
                type="checkbox"
                id={optionId}
                name={id}
                value={option.value}
                checked={value.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
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

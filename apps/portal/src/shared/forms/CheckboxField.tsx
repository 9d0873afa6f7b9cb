import type { ReactNode } from 'react';

import { describedBy } from './field-ids';
import { FieldErrorText } from './FieldParts';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** Shown under the box's label, and read with it. */
  hint?: ReactNode;
  error?: string | undefined;
}

/** One yes/no choice as a large checkbox, its label beside it and an explanation below. */
export function CheckboxField({ id, label, checked, onCheckedChange, hint, error }: CheckboxFieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      {error ? <FieldErrorText id={id} message={error} /> : null}
      <div className="check check--field">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="check__input"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
          onChange={(event) => onCheckedChange(event.target.checked)}
        />
        <label htmlFor={id} className="check__label check__label--strong">
          {label}
        </label>
      </div>
      {hint ? (
        <p className="field__hint check__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { describedBy } from './field-ids';
import { FieldErrorText } from './TextField';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

export interface SelectFieldProps extends SelectProps {
  id: string;
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  /** `<option>` / `<optgroup>` elements. */
  children: ReactNode;
}

export function SelectField({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional = false,
  children,
  ...select
}: SelectFieldProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> {t('common.optional')}</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorText id={id} message={error} /> : null}
      <select
        id={id}
        name={id}
        className="input select"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

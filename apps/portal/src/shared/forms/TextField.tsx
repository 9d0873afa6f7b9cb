import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { describedBy } from './field-ids';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends InputProps {
  id: string;
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** Marks the label "(optional)"; required fields carry no marker, as most fields are required. */
  optional?: boolean;
  /** Extra id(s) to add to aria-describedby (e.g. a rules checklist). */
  describedById?: string;
  /** Rendered after the input, inside the field (e.g. a "show password" toggle). */
  after?: ReactNode;
}

export function TextField({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional = false,
  describedById,
  after,
  className,
  ...input
}: TextFieldProps) {
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
      <input
        id={id}
        name={id}
        className={`input${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, {
          hint: Boolean(hint),
          error: Boolean(error),
          extra: describedById,
        })}
        {...input}
      />
      {after}
    </div>
  );
}

/** The error line of a field: placed above the input so it is read and seen before it. */
export function FieldErrorText({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="field__error" id={`${id}-error`}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

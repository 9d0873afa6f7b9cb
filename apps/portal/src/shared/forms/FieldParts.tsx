import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ControlField } from './control-field';

/** A field's name, marked "(optional)" when it is: the content of its `<label>` or `<legend>`. */
export function FieldLabelText({ label, optional }: { label: ReactNode; optional: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {optional ? <span className="field__optional"> {t('common.optional')}</span> : null}
    </>
  );
}

/** A single-control field: label, hint and error above the control, the whole marked when in error. */
export function LabelledField({ field, children }: { field: ControlField; children: ReactNode }) {
  const { id, error } = field;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        <FieldLabelText label={field.label} optional={field.optional} />
      </label>
      <FieldMessages id={id} hint={field.hint} error={error} />
      {children}
    </div>
  );
}

/**
 * A field's hint and error, between its label and its control so they are read and seen first. The ids
 * are the ones `describedBy` (field-ids.ts) points the control at.
 */
export function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorText id={id} message={error} /> : null}
    </>
  );
}

/** The error line of a field, prefixed "Error:" for screen readers (the red colour is not read out). */
export function FieldErrorText({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="field__error" id={`${id}-error`}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

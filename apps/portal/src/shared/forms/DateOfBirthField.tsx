import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { describedBy } from './field-ids';
import { FieldLabelText, FieldMessages } from './FieldParts';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** `1962-05-19` → { day: '19', month: '5', year: '1962' }. */
export function datePartsFromIso(iso: string | null | undefined): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return EMPTY_DATE;
  return { year: match[1] ?? '', month: String(Number(match[2])), day: String(Number(match[3])) };
}

export type ParsedDate = { state: 'empty' } | { state: 'invalid' } | { state: 'valid'; iso: string };

/**
 * Reads the three boxes: empty when all are, invalid when the date does not exist, is before 1900 or
 * is in the future (the API's `birthDate` rule), otherwise the date as `YYYY-MM-DD`.
 */
export function parseDateParts(parts: DateParts): ParsedDate {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { state: 'empty' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { state: 'invalid' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { state: 'invalid' };
  if (iso < '1900-01-01' || date.getTime() > Date.now()) return { state: 'invalid' };
  return { state: 'valid', iso };
}

interface DateOfBirthFieldProps {
  id: string;
  legend: ReactNode;
  value: DateParts;
  onValueChange: (value: DateParts) => void;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * Day, month and year as three number boxes: for a date decades ago, much quicker on a phone than a
 * calendar picker, and readable by people who have never seen one.
 */
export function DateOfBirthField({
  id,
  legend,
  value,
  onValueChange,
  error,
  optional = false,
}: DateOfBirthFieldProps) {
  const { t } = useTranslation();
  const part = (name: keyof DateParts, maxLength: number, autoComplete: string) => {
    const inputId = `${id}-${name}`;
    return (
      <div className={`date-input__item date-input__item--${name}`}>
        <label className="date-input__label" htmlFor={inputId}>
          {t(`date.${name}`)}
        </label>
        <input
          id={inputId}
          name={inputId}
          className="input"
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={maxLength}
          autoComplete={autoComplete}
          value={value[name]}
          aria-invalid={error ? true : undefined}
          // Also on each box: some screen readers do not read a group's description on entering it.
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onValueChange({ ...value, [name]: event.target.value.replace(/\D/g, '') })}
        />
      </div>
    );
  };

  return (
    <fieldset
      className={`field fieldset${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(id, { hint: true, error: Boolean(error) })}
    >
      <legend className="field__label">
        <FieldLabelText label={legend} optional={optional} />
      </legend>
      <FieldMessages id={id} hint={t('date.hint')} error={error} />
      <div className="date-input">
        {part('day', 2, 'bday-day')}
        {part('month', 2, 'bday-month')}
        {part('year', 4, 'bday-year')}
      </div>
    </fieldset>
  );
}

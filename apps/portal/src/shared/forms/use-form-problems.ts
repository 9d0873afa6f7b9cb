import { ErrorCode } from '@hocvu/contracts';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/api-error';
import type { SummaryItem } from './ErrorSummary';
import { fieldMessage, type FieldProblems, hasProblems, problemsFromApi } from './validation';

/** Error codes that concern one field of a form rather than the whole request. */
const FIELD_LEVEL_CODES: Partial<Record<string, string>> = {
  [ErrorCode.PhoneTaken]: 'phone',
  [ErrorCode.EmailTaken]: 'email',
};

export interface FieldSpec {
  /** Field name as the API reports it in VALIDATION_FAILED details. */
  name: string;
  /** Element the error summary links to; defaults to `name`. */
  targetId?: string;
}

/**
 * Problems of one form, whether found before sending or reported by the API, with the messages for the
 * fields and the error summary. A field's problem goes away as soon as it is edited.
 *
 * `fieldCodes` names API error codes that concern one field of this form in particular (e.g.
 * UNKNOWN_LANGUAGE → `languages`): they are shown at that field, with the code's message.
 */
export function useFormProblems(
  fields: readonly FieldSpec[],
  fieldCodes: Partial<Record<ErrorCode, string>> = {},
) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FieldProblems>({});
  const [attempt, setAttempt] = useState(0);
  // Fixed for the form's lifetime, so the callbacks below stay stable.
  const [ownCodes] = useState<Partial<Record<string, string>>>(fieldCodes);

  const show = useCallback((next: FieldProblems): boolean => {
    setProblems(next);
    setAttempt((count) => count + 1);
    return hasProblems(next);
  }, []);

  /**
   * Shows an answer about particular fields next to them — VALIDATION_FAILED, or a phone or email
   * already registered; returns whether it was one.
   */
  const showApiError = useCallback(
    (error: unknown): boolean => {
      if (!isApiError(error)) return false;
      const field = FIELD_LEVEL_CODES[error.code];
      if (field) return show({ [field]: ['taken'] });
      const ownField = ownCodes[error.code];
      if (ownField) return show({ [ownField]: [error.code] });
      if (error.fieldErrors.length === 0) return false;
      return show(problemsFromApi(error.fieldErrors));
    },
    [show, ownCodes],
  );

  /** The error for the form-level alert: none when it is shown at a field of this form instead. */
  const formLevel = useCallback(
    (error: unknown): unknown => (isApiError(error) && ownCodes[error.code] ? null : error),
    [ownCodes],
  );

  const clear = useCallback((name: string) => {
    setProblems((current) => {
      if (!(name in current)) return current;
      const { [name]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const errorFor = useCallback(
    (name: string): string | undefined => {
      const rules = problems[name];
      return rules ? fieldMessage(t, name, rules) : undefined;
    },
    [problems, t],
  );

  const summary = useMemo<SummaryItem[]>(() => {
    const known = new Set(fields.map((field) => field.name));
    const items = fields
      .filter((field) => problems[field.name])
      .map((field) => ({ targetId: field.targetId ?? field.name, message: errorFor(field.name) ?? '' }));
    // A field the API named but the form does not show still deserves a line.
    for (const [name, rules] of Object.entries(problems)) {
      if (!known.has(name)) items.push({ targetId: 'main', message: fieldMessage(t, name, rules) });
    }
    return items;
  }, [fields, problems, errorFor, t]);

  return { problems, attempt, show, showApiError, formLevel, clear, errorFor, summary };
}

import type { FormEvent, ReactNode } from 'react';

import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { FormError } from './FormError';

interface FormShellProps {
  /** From useFormProblems. */
  problems: { summary: readonly SummaryItem[]; attempt: number };
  /** The failed submit's error, if any. */
  error: unknown;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** While the request runs the button is disabled and says so, so the form is not sent twice. */
  pending: boolean;
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
  /** After the submit button, e.g. a cancel link. */
  otherActions?: ReactNode;
  children: ReactNode;
}

/**
 * Every form's frame: the error summary and the form-level error above it, the submit button below.
 * `noValidate`: the form checks itself and says what is wrong in words, not in browser bubbles.
 */
export function FormShell({
  problems,
  error,
  onSubmit,
  pending,
  submitLabel,
  pendingLabel,
  otherActions,
  children,
}: FormShellProps) {
  return (
    <>
      <ErrorSummary items={problems.summary} attempt={problems.attempt} />
      <FormError error={error} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {children}
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
          {otherActions}
        </div>
      </form>
    </>
  );
}

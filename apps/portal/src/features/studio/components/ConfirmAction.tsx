import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';

interface ConfirmActionProps {
  /** The button's visible text, e.g. "Xoá". */
  label: ReactNode;
  /** Read after the label by screen readers, to tell which of many "Xoá" buttons this is. */
  context?: string;
  question: string;
  confirmLabel: ReactNode;
  pendingLabel: ReactNode;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  /** Clears a previous failure when the question is dismissed. */
  onCancel?: () => void;
}

/**
 * A destructive action in two steps, as the admin area resets passwords: the button asks, a second
 * button confirms. Focus moves to the question and back to the button on cancel.
 */
export function ConfirmAction({
  label,
  context,
  question,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus) triggerRef.current?.focus();
  }, [asking, returnFocus]);

  if (!asking) {
    return (
      <button
        ref={triggerRef}
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setReturnFocus(false);
          setAsking(true);
        }}
      >
        {label}
        {context ? <span className="visually-hidden"> {context}</span> : null}
      </button>
    );
  }

  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <div className="actions">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={() => {
            onCancel?.();
            setReturnFocus(true);
            setAsking(false);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

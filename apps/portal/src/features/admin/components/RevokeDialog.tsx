import { ErrorCode } from '@hocvu/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { TextAreaField } from '../../../shared/forms/TextAreaField';
import { Alert } from '../../../shared/ui/Alert';
import type { AdminCertificate } from '../api/certificates-admin-api';
import { useRevokeCertificate } from '../hooks/use-certificates-admin';

export const REVOKE_REASON_MIN = 5;
export const REVOKE_REASON_MAX = 500;

/**
 * Asks for the reason and revokes. A native modal <dialog>: the page behind is inert, Tab stays inside,
 * Esc closes it; focus starts in the reason box and goes back to the button that opened it.
 */
export function RevokeDialog({
  certificate,
  onClose,
  onRevoked,
}: {
  certificate: AdminCertificate;
  onClose: () => void;
  onRevoked: (certificate: AdminCertificate) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    return () => opener?.focus();
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < REVOKE_REASON_MIN || trimmed.length > REVOKE_REASON_MAX) {
      setProblem(
        trimmed.length < REVOKE_REASON_MIN
          ? t('admin.revoke.reasonTooShort', { min: REVOKE_REASON_MIN })
          : t('admin.revoke.reasonTooLong', { max: REVOKE_REASON_MAX }),
      );
      ref.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    revoke.mutate(
      { serial: certificate.serial, reason: trimmed },
      {
        onSuccess: (revoked) => onRevoked(revoked),
        onError: (error) => {
          if (isApiError(error) && error.code === ErrorCode.ValidationFailed)
            setProblem(t('admin.revoke.reasonTooShort', { min: REVOKE_REASON_MIN }));
        },
      },
    );
  };

  const failure =
    revoke.error && !(isApiError(revoke.error) && revoke.error.code === ErrorCode.ValidationFailed)
      ? revoke.error
      : null;

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-lead"
      onClose={onClose}
      onCancel={(event) => {
        // Esc while the request runs would hide its outcome.
        if (revoke.isPending) event.preventDefault();
      }}
    >
      <h2 id="revoke-title" className="dialog__title">
        {t('admin.revoke.title')}{' '}
        <span className="nowrap" translate="no">
          {certificate.serial}
        </span>
      </h2>
      <p id="revoke-lead">
        {t('admin.revoke.lead', { name: certificate.learnerName, title: certificate.title })}
      </p>
      {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextAreaField
          id="revoke-reason"
          label={t('admin.revoke.reason')}
          hint={t('admin.revoke.reasonHint', { min: REVOKE_REASON_MIN, max: REVOKE_REASON_MAX })}
          value={reason}
          onValueChange={(value) => {
            setReason(value);
            setProblem(undefined);
          }}
          error={problem}
          maxLength={REVOKE_REASON_MAX}
          rows={4}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={revoke.isPending}>
            {revoke.isPending ? t('admin.revoke.revoking') : t('admin.revoke.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={revoke.isPending}
            onClick={() => ref.current?.close()}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

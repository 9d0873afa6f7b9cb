import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import type { UserSummary } from '../api/admin-api';
import { useResetPassword } from '../hooks/use-admin';

type Step = 'idle' | 'confirming';

/**
 * Reset in two steps (ask, then confirm), then the temporary password shown once — large, to read out
 * or copy — until the admin closes it. The user must choose a new password at their next sign-in.
 */
export function ResetPasswordControl({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [step, setStep] = useState<Step>('idle');
  const [copied, setCopied] = useState(false);
  const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);
  const headingId = `reset-${user.id}`;

  if (reset.isSuccess) {
    const { temporaryPassword } = reset.data;
    return (
      <section className="reset-result" aria-labelledby={headingId}>
        <Alert tone="success" role="alert">
          <p className="alert__title" id={headingId}>
            {t('admin.reset.doneTitle', { name: user.fullName })}
          </p>
          <p>{t('admin.reset.doneLead')}</p>
          <p className="temporary-password">
            <span className="visually-hidden">{t('admin.reset.temporaryPassword')}: </span>
            <code lang="en" translate="no" data-testid="temporary-password">
              {temporaryPassword}
            </code>
          </p>
          <p>{t('admin.reset.onlyOnce')}</p>
          <div className="actions">
            {canCopy ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  void navigator.clipboard.writeText(temporaryPassword).then(() => setCopied(true));
                }}
              >
                {copied ? t('admin.reset.copied') : t('admin.reset.copy')}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => {
                reset.reset();
                setStep('idle');
                setCopied(false);
              }}
            >
              {t('admin.reset.dismiss')}
            </button>
          </div>
        </Alert>
      </section>
    );
  }

  if (step === 'confirming') {
    return (
      <div className="confirm" role="group" aria-labelledby={headingId}>
        <p id={headingId}>{t('admin.reset.confirmQuestion', { name: user.fullName })}</p>
        {reset.isError ? <Alert tone="error">{errorMessage(t, reset.error)}</Alert> : null}
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            disabled={reset.isPending}
            onClick={() => reset.mutate(user.id)}
          >
            {reset.isPending ? t('admin.reset.resetting') : t('admin.reset.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={reset.isPending}
            onClick={() => {
              reset.reset();
              setStep('idle');
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <button type="button" className="button button--secondary" onClick={() => setStep('confirming')}>
      {t('admin.reset.start')}
      <span className="visually-hidden"> {t('admin.reset.forName', { name: user.fullName })}</span>
    </button>
  );
}

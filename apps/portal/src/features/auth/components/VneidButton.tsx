import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import { startVneidLink, startVneidSignIn } from '../api/vneid-api';

interface VneidButtonProps {
  /** Sign in (or sign up) with VNeID, or link VNeID to the signed-in account. */
  mode: 'signIn' | 'link';
  /** Portal path to come back to afterwards. */
  returnTo: string;
}

/**
 * Leaves the portal for the VNeID sign-in page. A full navigation, not a popup: it works the same on
 * every phone browser, and VNeID's page is where the citizen expects to type their credentials.
 */
export function VneidButton({ mode, returnTo }: VneidButtonProps) {
  const { t } = useTranslation();
  const start = useMutation({
    mutationFn: () => (mode === 'link' ? startVneidLink({ returnTo }) : startVneidSignIn({ returnTo })),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
  // Stays "busy" after success too: the page is about to be replaced by VNeID's.
  const busy = start.isPending || start.isSuccess;
  return (
    <div className="vneid">
      {start.error ? <Alert tone="error">{errorMessage(t, start.error)}</Alert> : null}
      <button
        type="button"
        className="button button--vneid"
        onClick={() => start.mutate()}
        disabled={busy}
        aria-busy={busy}
      >
        <span className="button--vneid__mark" aria-hidden="true">
          V
        </span>
        {busy ? t('vneid.redirecting') : t(mode === 'link' ? 'vneid.link' : 'vneid.signIn')}
      </button>
      <p className="field__hint">{t(mode === 'link' ? 'vneid.linkHint' : 'vneid.signInHint')}</p>
    </div>
  );
}

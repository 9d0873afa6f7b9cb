import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';

/** Confirms a sign-out done from the header, or offers one when opened while signed in. */
export function SignOutPage() {
  const { t } = useTranslation();
  const { session, signOut } = useAuth();
  const [pending, setPending] = useState(false);

  if (session.status === 'restoring') return <Loading />;

  if (session.status === 'signedIn') {
    return (
      <Page
        title={t('auth.signOut.confirmTitle')}
        lead={t('auth.signOut.confirmLead', { name: session.user.fullName })}
      >
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signOut().finally(() => setPending(false));
            }}
          >
            {t('nav.signOut')}
          </button>
          <Link className="button button--secondary" to={paths.home}>
            {t('common.cancel')}
          </Link>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('auth.signOut.doneTitle')}>
      <Alert tone="success">{t('auth.signOut.doneBody')}</Alert>
      <p className="actions">
        <Link className="button" to={paths.signIn}>
          {t('nav.signIn')}
        </Link>
        <Link className="button button--secondary" to={paths.home}>
          {t('common.backHome')}
        </Link>
      </p>
    </Page>
  );
}

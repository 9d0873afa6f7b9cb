import { useTranslation } from 'react-i18next';

import { Page } from '../../../shared/ui/Page';
import { CredentialFileCheck } from './CredentialFileCheck';
import { SerialForm } from './SerialForm';

/** /verify — check a certificate by its serial, or check a downloaded credential file. Public. */
export function VerifyHomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('verify.title')} lead={t('verify.lead')}>
      <section aria-labelledby="verify-by-serial">
        <h2 id="verify-by-serial">{t('verify.serial.title')}</h2>
        <SerialForm />
      </section>
      <section className="verify-section" aria-labelledby="verify-by-file">
        <h2 id="verify-by-file">{t('verify.file.title')}</h2>
        <CredentialFileCheck />
      </section>
    </Page>
  );
}

import { ErrorCode } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import { formatDate } from '../../../shared/format';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { PublicCertificate } from '../api/verify-api';
import { usePublicCertificate } from '../hooks/use-verify';
import { PublicCertificateDetails } from './PublicCertificateDetails';
import { SerialForm } from './SerialForm';
import { VerdictPanel, VneidConfirmed } from './VerdictPanel';

/** /verify/:serial — where the QR code on a printed certificate leads. Public. */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { serial = '' } = useParams();
  const { data, error, isPending, refetch } = usePublicCertificate(serial);
  const notFound = isApiError(error) && error.code === ErrorCode.CertificateNotFound;

  return (
    <Page title={`${t('verify.title')} ${serial}`} heading={t('verify.title')}>
      {isPending ? <Loading /> : null}
      {/* Announced when it arrives: the answer is what the person is waiting for. */}
      <div aria-live="polite">
        {data ? <CertificateVerdict certificate={data} /> : null}
        {notFound ? (
          <VerdictPanel verdict="notFound" title={t('verify.verdict.notFound')}>
            <p>{t('verify.verdict.notFoundText', { serial })}</p>
          </VerdictPanel>
        ) : null}
      </div>
      {error && !notFound ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
      {data ? <PublicCertificateDetails certificate={data} headingId="verify-details" /> : null}
      {notFound ? (
        <section className="verify-section" aria-labelledby="verify-again">
          <h2 id="verify-again">{t('verify.serial.again')}</h2>
          <SerialForm initial={serial} />
        </section>
      ) : null}
      <p className="verify-other">
        <Link to={paths.verify}>{t('verify.other')}</Link>
      </p>
    </Page>
  );
}

function CertificateVerdict({ certificate }: { certificate: PublicCertificate }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  if (certificate.status === 'revoked') {
    return (
      <VerdictPanel verdict="revoked" title={t('verify.verdict.revoked')}>
        <p>
          {certificate.revokedAt
            ? t('verify.verdict.revokedOn', { date: formatDate(certificate.revokedAt, language) })
            : t('verify.verdict.revokedText')}
        </p>
        {certificate.revokedReason ? (
          <p>
            <strong>{t('verify.verdict.reason')}</strong> {certificate.revokedReason}
          </p>
        ) : null}
      </VerdictPanel>
    );
  }
  return (
    <VerdictPanel verdict="valid" title={t('verify.verdict.valid')}>
      <p>{t('verify.verdict.validText', { issuer: certificate.issuerName })}</p>
      {certificate.confirmedOnVneid ? <VneidConfirmed label={t('verify.verdict.vneid')} /> : null}
    </VerdictPanel>
  );
}

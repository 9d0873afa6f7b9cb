import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { CertificateStatusBadge, VneidStateBadge } from '../../../shared/certificates/CertificateBadges';
import { type MyCertificate, useMyCertificates } from '../../../shared/certificates/my-certificates';
import { formatDate } from '../../../shared/format';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';

/** /certificates — "Chứng nhận của tôi". */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useMyCertificates();

  return (
    <Page title={t('certificates.title')} lead={t('certificates.lead')}>
      {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Loading /> : null}
      {data && data.items.length === 0 ? (
        <>
          <p>{t('certificates.empty')}</p>
          <div className="actions">
            <Link className="button" to={paths.myLearning}>
              {t('certificates.toLearning')}
            </Link>
          </div>
        </>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="cards">
          {data.items.map((certificate) => (
            <CertificateListItem key={certificate.id} certificate={certificate} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function CertificateListItem({ certificate }: { certificate: MyCertificate }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <li className="card cert-item">
      <p className="cert-item__kind">{t(`certificates.kind.${certificate.kind}`)}</p>
      <h2 className="card__title cert-item__title">
        <Link to={paths.myCertificate(certificate.serial)}>{certificate.title}</Link>
      </h2>
      <p className="cert-badges">
        <CertificateStatusBadge status={certificate.status} />
        <VneidStateBadge attestation={certificate.attestation} />
      </p>
      <dl className="details details--compact">
        <div className="details__row">
          <dt>{t('certificates.completedAt')}</dt>
          <dd>{formatDate(certificate.completedAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('certificates.serial')}</dt>
          <dd className="code-text" translate="no">
            {certificate.serial}
          </dd>
        </div>
      </dl>
    </li>
  );
}

import { useTranslation } from 'react-i18next';

import { formatDate } from '../../../shared/format';
import type { PublicCertificate } from '../api/verify-api';

/** What the certificate says, as anyone may see it: the holder's name is partly hidden. */
export function PublicCertificateDetails({
  certificate,
  headingId,
}: {
  certificate: PublicCertificate;
  headingId: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <section className="verify-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('verify.details.title')}</h2>
      <dl className="details">
        <div className="details__row">
          <dt>{t('verify.details.learner')}</dt>
          <dd>
            {certificate.learnerNameMasked}
            <span className="details__note">{t('verify.details.learnerMasked')}</span>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t(certificate.kind === 'skill' ? 'verify.details.programme' : 'verify.details.course')}</dt>
          <dd>{certificate.title}</dd>
        </div>
        <div className="details__row">
          <dt>{t('verify.details.completedAt')}</dt>
          <dd>{formatDate(certificate.completedAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('verify.details.issuedAt')}</dt>
          <dd>{formatDate(certificate.issuedAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('verify.details.issuer')}</dt>
          <dd>{certificate.issuerName}</dd>
        </div>
        <div className="details__row">
          <dt>{t('verify.details.serial')}</dt>
          <dd className="code-text" translate="no">
            {certificate.serial}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('verify.details.issuerDid')}</dt>
          <dd className="code-text code-text--small" translate="no">
            {certificate.issuerDid}
          </dd>
        </div>
      </dl>
    </section>
  );
}

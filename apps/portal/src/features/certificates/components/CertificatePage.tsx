import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { vneidStateOf } from '../../../shared/certificates/certificate-states';
import { CertificateStatusBadge, VneidStateBadge } from '../../../shared/certificates/CertificateBadges';
import { formatDate } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { MyCertificate } from '../api/certificates-api';
import {
  type CertificateFileKind,
  useDownloadCertificateFile,
  useMyCertificate,
} from '../hooks/use-certificates';
import { shareLink, type ShareOutcome } from '../share';

/** /certificates/:serial — one certificate: what it says, its files, sharing it. */
export function CertificatePage() {
  const { t } = useTranslation();
  const { serial = '' } = useParams();
  const { data, error, isPending, refetch } = useMyCertificate(serial);

  if (isPending) return <Loading />;
  if (!data) {
    return (
      <LoadFailedPage
        title={t('certificates.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.myCertificates, label: t('certificates.backToList') }}
      />
    );
  }
  return <CertificateView certificate={data} />;
}

function CertificateView({ certificate }: { certificate: MyCertificate }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const revoked = certificate.status === 'revoked';
  const vneid = vneidStateOf(certificate.attestation);

  return (
    <Page title={certificate.title} heading={t('certificates.detail.heading')}>
      {revoked ? (
        <Alert tone="error" role="none" title={t('certificates.detail.revokedTitle')}>
          <p>
            {certificate.revokedAt
              ? t('certificates.detail.revokedOn', { date: formatDate(certificate.revokedAt, language) })
              : null}{' '}
            {t('certificates.detail.revokedText')}
          </p>
          {certificate.revokedReason ? (
            <p>
              <strong>{t('certificates.detail.reason')}</strong> {certificate.revokedReason}
            </p>
          ) : null}
        </Alert>
      ) : null}

      <section
        className={`cert-card${revoked ? ' cert-card--revoked' : ''}`}
        aria-labelledby="cert-card-heading"
      >
        <p className="cert-card__issuer">{certificate.issuerName}</p>
        <h2 id="cert-card-heading" className="cert-card__heading">
          {t(`certificates.card.heading.${certificate.kind}`)}
        </h2>
        <p className="cert-card__line">{t('certificates.card.awardedTo')}</p>
        <p className="cert-card__name">{certificate.learnerName}</p>
        <p className="cert-card__line">{t(`certificates.card.for.${certificate.kind}`)}</p>
        <p className="cert-card__course">{certificate.title}</p>
        <dl className="details details--compact cert-card__details">
          <div className="details__row">
            <dt>{t('certificates.completedAt')}</dt>
            <dd>{formatDate(certificate.completedAt, language)}</dd>
          </div>
          <div className="details__row">
            <dt>{t('certificates.issuedAt')}</dt>
            <dd>{formatDate(certificate.issuedAt, language)}</dd>
          </div>
          <div className="details__row">
            <dt>{t('certificates.serial')}</dt>
            <dd className="code-text" translate="no">
              {certificate.serial}
            </dd>
          </div>
        </dl>
      </section>

      <p className="cert-badges">
        <CertificateStatusBadge status={certificate.status} />
        <VneidStateBadge attestation={certificate.attestation} />
      </p>
      {revoked ? null : <p className="muted">{t(`certificates.vneid.${vneid}`)}</p>}

      {revoked ? null : <CertificateActions certificate={certificate} />}

      <p>
        <Link to={paths.verifyCertificate(certificate.serial)}>{t('certificates.detail.verifyLink')}</Link>
      </p>
      <p>
        <Link to={paths.myCertificates}>{t('certificates.backToList')}</Link>
      </p>
    </Page>
  );
}

function CertificateActions({ certificate }: { certificate: MyCertificate }) {
  const { t } = useTranslation();
  const pdf = useDownloadCertificateFile(certificate.serial, 'pdf');
  const json = useDownloadCertificateFile(certificate.serial, 'json');
  const [shared, setShared] = useState<ShareOutcome | null>(null);
  const [last, setLast] = useState<CertificateFileKind | 'share' | null>(null);
  const linkId = useId();

  const onShare = async () => {
    setLast('share');
    setShared(null);
    const outcome = await shareLink(typeof navigator === 'undefined' ? {} : navigator, {
      title: certificate.title,
      text: t('certificates.share.text', { title: certificate.title }),
      url: certificate.verificationUrl,
    });
    setShared(outcome);
  };

  const download = pdf.isPending || json.isPending;
  const active = last === 'pdf' ? pdf : last === 'json' ? json : null;

  return (
    <section className="cert-actions" aria-labelledby="cert-actions-heading">
      <h2 id="cert-actions-heading">{t('certificates.actions.title')}</h2>
      <div className="actions cert-actions__buttons">
        <button
          type="button"
          className="button"
          disabled={download}
          onClick={() => {
            setLast('pdf');
            pdf.mutate();
          }}
        >
          {pdf.isPending ? t('certificates.actions.downloading') : t('certificates.actions.pdf')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={download}
          onClick={() => {
            setLast('json');
            json.mutate();
          }}
        >
          {json.isPending ? t('certificates.actions.downloading') : t('certificates.actions.json')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void onShare()}>
          {t('certificates.actions.share')}
        </button>
      </div>
      <p className="field__hint">{t('certificates.actions.jsonHint')}</p>

      {/* What happened to the last action, read out when it changes. */}
      <div role="status" className="cert-actions__status">
        {active?.isSuccess ? (
          <Alert tone="success" role="none">
            {t('certificates.actions.saved', { file: active.data })}
          </Alert>
        ) : null}
        {active?.isError ? (
          <Alert tone="error" role="none">
            {errorMessage(t, active.error)}
          </Alert>
        ) : null}
        {last === 'share' && shared === 'copied' ? (
          <Alert tone="success" role="none">
            {t('certificates.share.copied')}
          </Alert>
        ) : null}
        {last === 'share' && shared === 'failed' ? (
          <Alert tone="warning" role="none">
            <label htmlFor={linkId}>{t('certificates.share.copyByHand')}</label>
            <input
              id={linkId}
              className="input"
              readOnly
              value={certificate.verificationUrl}
              onFocus={(event) => event.target.select()}
            />
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

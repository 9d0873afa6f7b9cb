import { Permission } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { CertificateStatusBadge } from '../../../shared/certificates/CertificateBadges';
import { formatDate, formatDateTime } from '../../../shared/format';
import { SelectField, TextField } from '../../../shared/forms';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { oneOf, pageParam, searchString } from '../../../shared/url-query';
import type { AdminCertificate, CertificateQuery } from '../api/certificates-admin-api';
import { PAGE_SIZE } from '../hooks/use-admin';
import { useAdminCertificates } from '../hooks/use-certificates-admin';
import { AdminNav } from './AdminNav';
import { FlashMessage } from './FlashMessage';
import { RevokeDialog } from './RevokeDialog';

type StatusFilter = NonNullable<CertificateQuery['status']>;
const STATUSES: readonly StatusFilter[] = ['valid', 'revoked'];

/** The search lives in the URL: shareable, and the back button undoes it. */
function readQuery(params: URLSearchParams): CertificateQuery {
  const status = oneOf(STATUSES, params.get('status'));
  const q = params.get('q')?.trim();
  return {
    page: pageParam(params),
    pageSize: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
  };
}

function toSearch(query: CertificateQuery): string {
  return searchString({ q: query.q, status: query.status, page: query.page });
}

/** /admin/certificates — find a certificate (serial, name, phone) and, for province admins, revoke it. */
export function CertificatesAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const { data, error, isPending, isFetching, refetch } = useAdminCertificates(query);
  const [revoking, setRevoking] = useState<AdminCertificate | null>(null);
  const [revoked, setRevoked] = useState<AdminCertificate | null>(null);

  return (
    <Page title={t('admin.sections.certificates.title')} lead={t('admin.certificates.lead')}>
      <AdminNav />
      <CertificateFilters
        key={params.toString()}
        query={query}
        onSearch={(next) => setParams(toSearch(next))}
      />

      {revoked ? (
        <FlashMessage id={revoked.serial}>
          {t('admin.revoke.done', { serial: revoked.serial, name: revoked.learnerName })}
        </FlashMessage>
      ) : null}
      {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="certificates-results" aria-busy={isFetching}>
          <h2 id="certificates-results" className="results-title">
            {t('admin.certificates.results', { total: data.total })}
          </h2>
          {data.items.length === 0 ? (
            <p>{t('admin.certificates.empty')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((certificate) => (
                <CertificateCard key={certificate.id} certificate={certificate} onRevoke={setRevoking} />
              ))}
            </ul>
          )}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(page) => toSearch({ ...query, page })}
          />
        </section>
      ) : null}
      {revoking ? (
        <RevokeDialog
          certificate={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(certificate) => {
            setRevoking(null);
            setRevoked(certificate);
          }}
        />
      ) : null}
    </Page>
  );
}

function CertificateFilters({
  query,
  onSearch,
}: {
  query: CertificateQuery;
  onSearch: (query: CertificateQuery) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(query.q ?? '');
  const [status, setStatus] = useState<string>(query.status ?? '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = search.trim();
    const picked = oneOf(STATUSES, status);
    onSearch({ pageSize: PAGE_SIZE, page: 1, ...(q ? { q } : {}), ...(picked ? { status: picked } : {}) });
  };

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('admin.certificates.searchLabel')}
      onSubmit={onSubmit}
    >
      <TextField
        id="certificate-search"
        label={t('admin.certificates.search')}
        hint={t('admin.certificates.searchHint')}
        value={search}
        onValueChange={setSearch}
        type="search"
        required={false}
        enterKeyHint="search"
      />
      <SelectField
        id="certificate-status"
        label={t('admin.certificates.status')}
        value={status}
        onValueChange={setStatus}
        required={false}
      >
        <option value="">{t('admin.certificates.allStatuses')}</option>
        {STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`certificateStatus.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button">
          {t('admin.certificates.searchSubmit')}
        </button>
      </div>
    </form>
  );
}

function CertificateCard({
  certificate,
  onRevoke,
}: {
  certificate: AdminCertificate;
  onRevoke: (certificate: AdminCertificate) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const language = i18n.resolvedLanguage ?? 'vi';
  const mayRevoke = can(Permission.CertificateRevoke) && certificate.status === 'valid';
  const attestation = certificate.attestation;

  return (
    <li className="card">
      <h3 className="card__title">{certificate.learnerName}</h3>
      <dl className="details details--compact">
        <div className="details__row">
          <dt>{t('admin.certificates.serial')}</dt>
          <dd className="code-text" translate="no">
            {certificate.serial}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t(`admin.certificates.titleOf.${certificate.kind}`)}</dt>
          <dd>{certificate.title}</dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.certificates.completedAt')}</dt>
          <dd>{formatDate(certificate.completedAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.certificates.status')}</dt>
          <dd>
            <CertificateStatusBadge status={certificate.status} />
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.certificates.vneid')}</dt>
          <dd>
            {attestation
              ? t(`admin.attestations.states.${attestation.state}`)
              : t('admin.certificates.vneidNotSent')}
          </dd>
        </div>
        {certificate.status === 'revoked' ? (
          <>
            <div className="details__row">
              <dt>{t('admin.certificates.revokedAt')}</dt>
              <dd>
                {formatDateTime(certificate.revokedAt, language)}
                {certificate.revokedByName ? ` · ${certificate.revokedByName}` : ''}
              </dd>
            </div>
            <div className="details__row">
              <dt>{t('admin.certificates.revokedReason')}</dt>
              <dd>{certificate.revokedReason}</dd>
            </div>
          </>
        ) : null}
      </dl>
      <div className="actions">
        {mayRevoke ? (
          <button type="button" className="button button--secondary" onClick={() => onRevoke(certificate)}>
            {t('admin.revoke.start')}
            <span className="visually-hidden"> {certificate.serial}</span>
          </button>
        ) : null}
        <Link className="button button--link" to={paths.verifyCertificate(certificate.serial)}>
          {t('admin.certificates.verifyPage')}
          <span className="visually-hidden"> {certificate.serial}</span>
        </Link>
      </div>
    </li>
  );
}

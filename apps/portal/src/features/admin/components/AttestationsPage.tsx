import { ATTESTATION_STATES } from '@hocvu/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { errorMessage } from '../../../shared/api/error-messages';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { oneOf, pageParam, searchString } from '../../../shared/url-query';
import type { AttestationQuery, AttestationRow, AttestationStateName } from '../api/certificates-admin-api';
import { PAGE_SIZE } from '../hooks/use-admin';
import {
  useAttestations,
  useRetryAllAttestations,
  useRetryAttestation,
} from '../hooks/use-certificates-admin';
import { AdminNav } from './AdminNav';
import { FlashMessage } from './FlashMessage';

/** The tiles' order: what needs an admin first. */
const TILE_ORDER: readonly AttestationStateName[] = ['failed', 'pending', 'sent', 'confirmed', 'rejected'];

/** Dead letters first: the page opens on the attestations that ran out of retries. */
function readQuery(params: URLSearchParams): Required<Pick<AttestationQuery, 'state' | 'page' | 'pageSize'>> {
  return {
    state: oneOf(ATTESTATION_STATES, params.get('state')) || 'failed',
    page: pageParam(params),
    pageSize: PAGE_SIZE,
  };
}

function toSearch(state: AttestationStateName, page = 1): string {
  return searchString({ state: state === 'failed' ? '' : state, page });
}

type Flash = { id: string; message: string };

/** /admin/attestations — "Gửi VNeID": the attestation queue per state; send failed ones again. */
export function AttestationsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const [params] = useSearchParams();
  const query = readQuery(params);
  const { data, error, isPending, isFetching, refetch } = useAttestations(query);
  const [flash, setFlash] = useState<Flash | null>(null);

  return (
    <Page title={t('admin.sections.attestations.title')} lead={t('admin.attestations.lead')}>
      <AdminNav />
      <nav aria-label={t('admin.attestations.statesLabel')}>
        <ul className="tiles">
          {TILE_ORDER.map((state) => (
            <li key={state}>
              <Link
                className={`tile tile--${state}`}
                to={{ search: toSearch(state) }}
                aria-current={state === query.state ? 'true' : undefined}
              >
                <span className="tile__count">{data ? formatNumber(data.counts[state], language) : '…'}</span>{' '}
                <span className="tile__label">{t(`admin.attestations.states.${state}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {flash ? <FlashMessage id={flash.id}>{flash.message}</FlashMessage> : null}
      {query.state === 'failed' && data && data.counts.failed > 0 ? (
        <RetryAllControl
          count={data.counts.failed}
          onDone={(retried) =>
            setFlash({
              id: `all-${Date.now()}`,
              message: t('admin.attestations.retriedAll', { count: retried }),
            })
          }
        />
      ) : null}
      {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="attestations-results" aria-busy={isFetching}>
          <h2 id="attestations-results" className="results-title">
            {t('admin.attestations.results', {
              state: t(`admin.attestations.states.${query.state}`),
              total: data.total,
            })}
          </h2>
          <p className="muted">{t(`admin.attestations.explain.${query.state}`)}</p>
          {data.items.length === 0 ? (
            <p>{t('admin.attestations.empty')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((row) => (
                <AttestationCard
                  key={row.certificateId}
                  row={row}
                  onRetried={() =>
                    setFlash({
                      id: `${row.certificateId}-${Date.now()}`,
                      message: t('admin.attestations.retried', { serial: row.serial }),
                    })
                  }
                />
              ))}
            </ul>
          )}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(page) => toSearch(query.state, page)}
          />
        </section>
      ) : null}
    </Page>
  );
}

function RetryAllControl({ count, onDone }: { count: number; onDone: (retried: number) => void }) {
  const { t } = useTranslation();
  const retryAll = useRetryAllAttestations();
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('admin.attestations.retryAll')}
        </button>
      </div>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="retry-all-question">
      <p id="retry-all-question">{t('admin.attestations.retryAllQuestion', { count })}</p>
      {retryAll.isError ? <Alert tone="error">{errorMessage(t, retryAll.error)}</Alert> : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={retryAll.isPending}
          onClick={() =>
            retryAll.mutate(undefined, {
              onSuccess: ({ retried }) => {
                setConfirming(false);
                onDone(retried);
              },
            })
          }
        >
          {retryAll.isPending ? t('admin.attestations.retrying') : t('admin.attestations.retryAllConfirm')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={retryAll.isPending}
          onClick={() => {
            retryAll.reset();
            setConfirming(false);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function AttestationCard({ row, onRetried }: { row: AttestationRow; onRetried: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const retry = useRetryAttestation();

  return (
    <li className="card">
      <h3 className="card__title">{row.learnerName}</h3>
      <dl className="details details--compact">
        <div className="details__row">
          <dt>{t('admin.certificates.serial')}</dt>
          <dd className="code-text" translate="no">
            {row.serial}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.attestations.certificate')}</dt>
          <dd>{row.title}</dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.attestations.attempts')}</dt>
          <dd>{formatNumber(row.attempts, language)}</dd>
        </div>
        {row.lastError ? (
          <div className="details__row">
            <dt>{t('admin.attestations.lastError')}</dt>
            <dd className="break">{row.lastError}</dd>
          </div>
        ) : null}
        {row.rejectionReason ? (
          <div className="details__row">
            <dt>{t('admin.attestations.rejectionReason')}</dt>
            <dd className="break">{row.rejectionReason}</dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>{t('admin.attestations.createdAt')}</dt>
          <dd>{formatDateTime(row.createdAt, language)}</dd>
        </div>
        {row.decidedAt ? (
          <div className="details__row">
            <dt>{t('admin.attestations.decidedAt')}</dt>
            <dd>{formatDateTime(row.decidedAt, language)}</dd>
          </div>
        ) : null}
        {row.state === 'pending' ? (
          <div className="details__row">
            <dt>{t('admin.attestations.nextAttemptAt')}</dt>
            <dd>{formatDateTime(row.nextAttemptAt, language)}</dd>
          </div>
        ) : null}
      </dl>
      {row.state === 'failed' ? (
        <>
          {retry.isError ? <Alert tone="error">{errorMessage(t, retry.error)}</Alert> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={retry.isPending}
              onClick={() => retry.mutate(row.certificateId, { onSuccess: onRetried })}
            >
              {retry.isPending ? t('admin.attestations.retrying') : t('admin.attestations.retry')}
              <span className="visually-hidden"> {row.serial}</span>
            </button>
          </div>
        </>
      ) : null}
    </li>
  );
}

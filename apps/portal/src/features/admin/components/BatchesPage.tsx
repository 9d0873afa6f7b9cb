import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { paths } from '../../../app/paths';
import { useLocalized } from '../../../shared/courses/use-localized';
import { formatCalendarDate, formatDateTime } from '../../../shared/format';
import { SelectField } from '../../../shared/forms';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { oneOf, pageParam, searchString } from '../../../shared/url-query';
import type { BatchQuery, BatchState, CertificateBatch } from '../api/certificates-admin-api';
import { PAGE_SIZE } from '../hooks/use-admin';
import { useBatches } from '../hooks/use-certificates-admin';
import { AdminNav } from './AdminNav';
import { BatchStateBadge } from './BatchStateBadge';

export const BATCH_STATES: readonly BatchState[] = ['pending', 'approved', 'rejected'];

function readQuery(params: URLSearchParams): BatchQuery {
  const state = oneOf(BATCH_STATES, params.get('state'));
  return { page: pageParam(params), pageSize: PAGE_SIZE, ...(state ? { state } : {}) };
}

function toSearch(query: BatchQuery): string {
  return searchString({ state: query.state, page: query.page });
}

/** /admin/certificate-batches — skill-certificate batches: prepared by one admin, approved by another. */
export function BatchesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const { data, error, isPending, isFetching, refetch } = useBatches(query);

  return (
    <Page title={t('admin.sections.batches.title')} lead={t('admin.batches.lead')}>
      <AdminNav />
      <div className="actions">
        <Link className="button" to={paths.adminNewBatch}>
          {t('admin.batches.new')}
        </Link>
      </div>
      <BatchFilters key={params.toString()} query={query} onFilter={(next) => setParams(toSearch(next))} />
      {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="batches-results" aria-busy={isFetching}>
          <h2 id="batches-results" className="results-title">
            {t('admin.batches.results', { total: data.total })}
          </h2>
          {data.items.length === 0 ? (
            <p>{t('admin.batches.empty')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((batch) => (
                <BatchCard key={batch.id} batch={batch} />
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
    </Page>
  );
}

function BatchFilters({ query, onFilter }: { query: BatchQuery; onFilter: (query: BatchQuery) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<string>(query.state ?? '');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const picked = oneOf(BATCH_STATES, state);
    onFilter({ page: 1, pageSize: PAGE_SIZE, ...(picked ? { state: picked } : {}) });
  };
  return (
    <form className="filters" aria-label={t('admin.batches.filterLabel')} onSubmit={onSubmit}>
      <SelectField
        id="batch-state"
        label={t('admin.batches.state')}
        value={state}
        onValueChange={setState}
        required={false}
      >
        <option value="">{t('admin.batches.allStates')}</option>
        {BATCH_STATES.map((value) => (
          <option key={value} value={value}>
            {t(`admin.batches.states.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button">
          {t('admin.batches.filter')}
        </button>
      </div>
    </form>
  );
}

function BatchCard({ batch }: { batch: CertificateBatch }) {
  const { t, i18n } = useTranslation();
  const { text } = useLocalized();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={paths.adminBatch(batch.id)}>{batch.title}</Link>
      </h3>
      <p className="cert-badges">
        <BatchStateBadge state={batch.state} />
      </p>
      <dl className="details details--compact">
        <div className="details__row">
          <dt>{t('admin.batches.programme')}</dt>
          <dd>{text(batch.skillProgramme.title)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.batches.assessedOn')}</dt>
          <dd>{formatCalendarDate(batch.assessedOn, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.batches.learners')}</dt>
          <dd>
            {batch.state === 'approved'
              ? t('admin.batches.issuedOf', { issued: batch.issuedCount, total: batch.itemCount })
              : batch.itemCount}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.batches.preparedBy')}</dt>
          <dd>
            {batch.preparedByName} · {formatDateTime(batch.preparedAt, language)}
          </dd>
        </div>
        {batch.decidedByName ? (
          <div className="details__row">
            <dt>{t(batch.state === 'rejected' ? 'admin.batches.rejectedBy' : 'admin.batches.approvedBy')}</dt>
            <dd>
              {batch.decidedByName} · {formatDateTime(batch.decidedAt, language)}
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

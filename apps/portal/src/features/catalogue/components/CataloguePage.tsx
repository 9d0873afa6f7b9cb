import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { type CatalogueFilters, catalogueSearch, readCatalogueParams } from '../catalogue-query';
import { useCatalogue } from '../hooks/use-catalogue';
import { CatalogueFiltersForm } from './CatalogueFiltersForm';
import { CourseCard } from './CourseCard';

export function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readCatalogueParams(params);
  const { data, error, isPending, isFetching } = useCatalogue(filters);

  const onFilter = useCallback(
    (update: (current: CatalogueFilters) => CatalogueFilters, { replace }: { replace: boolean }) =>
      setParams((current) => catalogueSearch(update(readCatalogueParams(current))), {
        replace,
        // The search box keeps focus while typing; only the results change.
        preventScrollReset: true,
      }),
    [setParams],
  );

  return (
    <Page title={t('catalogue.title')} lead={t('catalogue.lead')}>
      <CatalogueFiltersForm filters={filters} onFilter={onFilter} />
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="catalogue-results" aria-busy={isFetching}>
          {/* A live region: after typing, screen readers hear how many courses match. */}
          <div role="status">
            <h2 id="catalogue-results" className="results-title">
              {t('catalogue.results', { count: data.total })}
            </h2>
          </div>
          {data.items.length === 0 ? (
            <p>{t('catalogue.empty')}</p>
          ) : (
            <ul className="cards course-cards">
              {data.items.map((course) => (
                <CourseCard key={course.id} course={course} />
              ))}
            </ul>
          )}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(page) => catalogueSearch({ ...filters, page })}
          />
        </section>
      ) : null}
    </Page>
  );
}

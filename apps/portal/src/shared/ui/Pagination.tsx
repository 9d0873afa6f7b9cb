import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The URL search string for another page. */
  hrefFor: (page: number) => string;
}

/** Previous / next links (real links: they work with the back button and can be opened in a new tab). */
export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link className="button button--secondary" to={`${pathname}${hrefFor(page - 1)}`} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">{t('pagination.status', { page, pageCount })}</span>
      {page < pageCount ? (
        <Link className="button button--secondary" to={`${pathname}${hrefFor(page + 1)}`} rel="next">
          {t('pagination.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

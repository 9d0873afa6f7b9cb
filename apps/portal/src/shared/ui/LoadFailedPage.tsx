import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { isTransientError } from '../api/api-error';
import { errorMessage } from '../api/error-messages';
import { Alert } from './Alert';
import { Page } from './Page';

interface LoadFailedPageProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  /** Where to go instead, e.g. the list the page belongs to. */
  back: { to: string; label: string };
}

/**
 * A page whose data could not be loaded: the reason by its error code, "Thử lại" when trying again
 * can help (a dropped connection), and a way out.
 */
export function LoadFailedPage({ title, error, onRetry, back }: LoadFailedPageProps) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Alert tone="error">{errorMessage(t, error)}</Alert>
      <div className="actions">
        {isTransientError(error) ? (
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
        <Link className="button button--secondary" to={back.to}>
          {back.label}
        </Link>
      </div>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';

import { isTransientError } from '../api/api-error';
import { errorMessage } from '../api/error-messages';
import { Alert } from './Alert';

/**
 * A part of a page whose data could not be loaded: the reason by its error code, and "Thử lại" when
 * trying again can help (a dropped connection). LoadFailedPage is the whole-page version.
 */
export function LoadFailedAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert tone="error">{errorMessage(t, error)}</Alert>
      {isTransientError(error) ? (
        <div className="actions">
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
    </>
  );
}

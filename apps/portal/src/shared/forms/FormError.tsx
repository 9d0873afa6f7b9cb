import { ErrorCode } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/api-error';
import { errorMessage } from '../api/error-messages';
import { Alert } from '../ui/Alert';

/**
 * The form-level message for a failed submit. Validation failures are shown next to their fields (and
 * in the error summary), so only a generic line is shown for them here.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.code === ErrorCode.ValidationFailed && error.fieldErrors.length > 0) return null;
  return <Alert tone="error">{errorMessage(t, error)}</Alert>;
}

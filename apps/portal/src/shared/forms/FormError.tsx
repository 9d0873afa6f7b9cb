import { ErrorCode } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/api-error';
import { errorMessage } from '../api/error-messages';
import { Alert } from '../ui/Alert';

/**
 * The form-level message for a failed submit. Answers about particular fields (validation, a phone or
 * email already registered) are shown next to those fields and in the error summary instead.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error)) {
    if (error.code === ErrorCode.ValidationFailed && error.fieldErrors.length > 0) return null;
    if (error.code === ErrorCode.PhoneTaken || error.code === ErrorCode.EmailTaken) return null;
  }
  return <Alert tone="error">{errorMessage(t, error)}</Alert>;
}

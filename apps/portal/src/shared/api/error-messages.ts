import { ErrorCode } from '@hocvu/contracts';
import type { TFunction } from 'i18next';

import { ApiError, ClientErrorCode, isApiError } from './api-error';

/** The message a person sees for a failed call, chosen by the API's stable error code. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  if (error.code === ErrorCode.RateLimited) {
    const seconds = error.retryAfterSeconds;
    if (seconds !== null)
      return t('errors.RATE_LIMITED_WAIT', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return t(`errors.${error.code}`);
}

export { ApiError, ClientErrorCode };

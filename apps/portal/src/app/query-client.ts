import { QueryClient } from '@tanstack/react-query';

import { isApiError } from '../shared/api/api-error';

const MAX_RETRIES = 2;

/** Retry what a flaky connection or a busy server explains; never a 4xx, which would only fail again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        // Data costs money on prepaid 3G: no refetch just because a tab regained focus.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

import type { Schema } from '@hocvu/api-client';
import { useQuery } from '@tanstack/react-query';

import { apiClient } from '../../app/api-client';
import { unwrap } from '../api/api-error';
import { languageKeys } from './query-keys';

export type ContentLanguage = Schema<'LanguageDto'>;

/** The languages course texts may be written in (vi, en, Tai Dam, Hmong…): public, and rarely changed. */
export function useContentLanguages() {
  return useQuery({
    queryKey: languageKeys.all,
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/languages', { signal })),
    staleTime: 60 * 60 * 1000,
    gcTime: 24 * 60 * 60 * 1000,
  });
}

import type { Schema } from '@hocvu/api-client';
import { useQuery } from '@tanstack/react-query';

import { apiClient } from '../../app/api-client';
import { unwrap } from '../api/api-error';

/** One of the signed-in learner's certificates. */
export type MyCertificate = Schema<'CertificateDto'>;

export const certificateKeys = {
  all: ['certificates'] as const,
  mine: () => [...certificateKeys.all, 'mine'] as const,
  mineOne: (serial: string) => [...certificateKeys.all, 'mine', serial] as const,
};

export function fetchMyCertificates(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/me/certificates', { signal }));
}

/**
 * The learner's certificates: "Chứng nhận của tôi" lists them, and "Học tập của tôi" links a completed
 * course to its own (the list names the course).
 */
export function useMyCertificates({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: certificateKeys.mine(),
    queryFn: ({ signal }) => fetchMyCertificates(signal),
    enabled,
  });
}

/** Course id → serial of its (valid) certificate, for links from the learning pages. */
export function certificatesByCourse(items: readonly MyCertificate[]): ReadonlyMap<string, string> {
  const byCourse = new Map<string, string>();
  for (const item of items) {
    if (item.courseId && item.status === 'valid' && !byCourse.has(item.courseId))
      byCourse.set(item.courseId, item.serial);
  }
  return byCourse;
}

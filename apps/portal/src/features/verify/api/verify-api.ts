import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type PublicCertificate = Schema<'PublicCertificateDto'>;
export type CredentialVerification = Schema<'CredentialVerificationDto'>;

export function fetchPublicCertificate(serial: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/verify/{serial}', { params: { path: { serial } }, signal }));
}

export function verifyCredential(credential: Record<string, unknown>) {
  return unwrap(apiClient.POST('/api/verify/credential', { body: { credential } }));
}

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type { MyCertificate } from '../../../shared/certificates/my-certificates';

export function fetchMyCertificate(serial: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/me/certificates/{serial}', { params: { path: { serial } }, signal }));
}

/** The PDF (rendered by the API on the first download, which may take a few seconds). */
export function fetchCertificatePdf(serial: string) {
  return unwrap(
    apiClient.GET('/api/me/certificates/{serial}/certificate.pdf', {
      params: { path: { serial } },
      parseAs: 'blob',
    }),
  );
}

/** The signed credential, byte for byte as the API sends it (the signature covers its content). */
export function fetchCredentialFile(serial: string) {
  return unwrap(
    apiClient.GET('/api/me/certificates/{serial}/credential.json', {
      params: { path: { serial } },
      parseAs: 'blob',
    }),
  );
}

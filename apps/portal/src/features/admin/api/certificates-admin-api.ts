import type { paths, Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type AdminCertificate = Schema<'AdminCertificateDto'>;
export type CertificateQuery = NonNullable<paths['/api/admin/certificates']['get']['parameters']['query']>;
export type CertificateBatch = Schema<'CertificateBatchDto'>;
export type CertificateBatchDetail = Schema<'CertificateBatchDetailDto'>;
export type CreateBatchBody = Schema<'CreateCertificateBatchDto'>;
export type BatchQuery = NonNullable<paths['/api/admin/certificate-batches']['get']['parameters']['query']>;
export type BatchState = CertificateBatch['state'];
export type AttestationQuery = NonNullable<paths['/api/admin/attestations']['get']['parameters']['query']>;
export type AttestationRow = Schema<'AttestationRowDto'>;
export type AttestationStateName = AttestationRow['state'];
export type SkillProgramme = Schema<'SkillProgrammeDto'>;

export function searchCertificates(query: CertificateQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/admin/certificates', { params: { query }, signal }));
}

export function revokeCertificate(serial: string, reason: string) {
  return unwrap(
    apiClient.POST('/api/admin/certificates/{serial}/revoke', {
      params: { path: { serial } },
      body: { reason },
    }),
  );
}

export function listSkillProgrammes(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/admin/skill-programmes', { signal }));
}

export function listBatches(query: BatchQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/admin/certificate-batches', { params: { query }, signal }));
}

export function prepareBatch(body: CreateBatchBody) {
  return unwrap(apiClient.POST('/api/admin/certificate-batches', { body }));
}

export function fetchBatch(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/admin/certificate-batches/{id}', { params: { path: { id } }, signal }));
}

export function decideBatch(id: string, decision: 'approve' | 'reject', note: string) {
  const options = { params: { path: { id } }, body: note.trim() ? { note: note.trim() } : {} };
  return unwrap(
    decision === 'approve'
      ? apiClient.POST('/api/admin/certificate-batches/{id}/approve', options)
      : apiClient.POST('/api/admin/certificate-batches/{id}/reject', options),
  );
}

export function listAttestations(query: AttestationQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/admin/attestations', { params: { query }, signal }));
}

export function retryAttestation(certificateId: string) {
  return unwrap(
    apiClient.POST('/api/admin/attestations/{certificateId}/retry', { params: { path: { certificateId } } }),
  );
}

export function retryAllAttestations() {
  return unwrap(apiClient.POST('/api/admin/attestations/retry-all'));
}

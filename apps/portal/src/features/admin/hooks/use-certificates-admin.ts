import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  type AttestationQuery,
  type BatchQuery,
  type CertificateQuery,
  decideBatch,
  fetchBatch,
  listAttestations,
  listBatches,
  listSkillProgrammes,
  prepareBatch,
  retryAllAttestations,
  retryAttestation,
  revokeCertificate,
  searchCertificates,
} from '../api/certificates-admin-api';

export const certificatesAdminKeys = {
  certificates: ['admin-certificates'] as const,
  certificateList: (query: CertificateQuery) =>
    [...certificatesAdminKeys.certificates, 'list', query] as const,
  programmes: ['skill-programmes'] as const,
  batches: ['certificate-batches'] as const,
  batchList: (query: BatchQuery) => [...certificatesAdminKeys.batches, 'list', query] as const,
  batch: (id: string) => [...certificatesAdminKeys.batches, 'one', id] as const,
  attestations: ['attestations'] as const,
  attestationList: (query: AttestationQuery) =>
    [...certificatesAdminKeys.attestations, 'list', query] as const,
};

export function useAdminCertificates(query: CertificateQuery) {
  return useQuery({
    queryKey: certificatesAdminKeys.certificateList(query),
    queryFn: ({ signal }) => searchCertificates(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serial, reason }: { serial: string; reason: string }) => revokeCertificate(serial, reason),
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificatesAdminKeys.certificates }),
  });
}

export function useSkillProgrammes() {
  return useQuery({
    queryKey: certificatesAdminKeys.programmes,
    queryFn: ({ signal }) => listSkillProgrammes(signal),
    staleTime: 10 * 60 * 1000,
  });
}

export function useBatches(query: BatchQuery) {
  return useQuery({
    queryKey: certificatesAdminKeys.batchList(query),
    queryFn: ({ signal }) => listBatches(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** How often an approved batch is looked at again while the worker is still issuing its certificates. */
export const ISSUING_REFRESH_MS = 5_000;

export function useBatch(id: string) {
  return useQuery({
    queryKey: certificatesAdminKeys.batch(id),
    queryFn: ({ signal }) => fetchBatch(id, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const batch = query.state.data;
      return batch && batch.state === 'approved' && batch.issuedCount < batch.itemCount
        ? ISSUING_REFRESH_MS
        : false;
    },
  });
}

export function usePrepareBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: prepareBatch,
    onSuccess: (batch) => {
      queryClient.setQueryData(certificatesAdminKeys.batch(batch.id), batch);
      return queryClient.invalidateQueries({ queryKey: [...certificatesAdminKeys.batches, 'list'] });
    },
  });
}

export function useDecideBatch(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, note }: { decision: 'approve' | 'reject'; note: string }) =>
      decideBatch(id, decision, note),
    onSuccess: (batch) => {
      queryClient.setQueryData(certificatesAdminKeys.batch(id), batch);
    },
    // Decided elsewhere in the meantime (409) or not: the list and the page show the current state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificatesAdminKeys.batches }),
  });
}

export function useAttestations(query: AttestationQuery) {
  return useQuery({
    queryKey: certificatesAdminKeys.attestationList(query),
    queryFn: ({ signal }) => listAttestations(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useRetryAttestation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryAttestation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificatesAdminKeys.attestations }),
  });
}

export function useRetryAllAttestations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryAllAttestations,
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificatesAdminKeys.attestations }),
  });
}

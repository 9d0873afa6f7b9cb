import { useMutation, useQuery } from '@tanstack/react-query';

import { fetchPublicCertificate, verifyCredential } from '../api/verify-api';

export const verifyKeys = {
  all: ['verify'] as const,
  serial: (serial: string) => [...verifyKeys.all, serial] as const,
};

/** A certificate's public record. Not kept long: a revocation must show the next time it is opened. */
export function usePublicCertificate(serial: string) {
  return useQuery({
    queryKey: verifyKeys.serial(serial),
    queryFn: ({ signal }) => fetchPublicCertificate(serial, signal),
    staleTime: 0,
  });
}

export function useVerifyCredential() {
  return useMutation({ mutationFn: verifyCredential });
}

import { useMutation, useQuery } from '@tanstack/react-query';

import { certificateKeys } from '../../../shared/certificates/my-certificates';
import { fetchCertificatePdf, fetchCredentialFile, fetchMyCertificate } from '../api/certificates-api';
import { certificateFileName, saveBlob } from '../save-file';

export function useMyCertificate(serial: string) {
  return useQuery({
    queryKey: certificateKeys.mineOne(serial),
    queryFn: ({ signal }) => fetchMyCertificate(serial, signal),
  });
}

export type CertificateFileKind = 'pdf' | 'json';

/** Downloads one of the certificate's files and saves it; resolves to the file name saved. */
export function useDownloadCertificateFile(serial: string, kind: CertificateFileKind) {
  return useMutation({
    mutationFn: async () => {
      const blob = await (kind === 'pdf' ? fetchCertificatePdf(serial) : fetchCredentialFile(serial));
      const fileName = certificateFileName(serial, kind);
      saveBlob(blob, fileName);
      return fileName;
    },
  });
}

import { ConfiguredIssuer, IssuerConfigError, loadConfiguredIssuer } from '@hocvu/credentials';
import { Logger, Provider } from '@nestjs/common';

import { WorkerConfig } from '../../config/worker-config';

/** The configured certificate issuer, or why there is none (ISSUER_PROBLEM). */
export const ISSUER = Symbol('ISSUER');
export type IssuerOrProblem = ConfiguredIssuer | IssuerConfigError;

/**
 * Loads the issuer key once per process. A production worker without a valid key refuses to start (it
 * would take certificate jobs and fail every one); elsewhere it starts, logs the fix, and certificate
 * jobs fail with that message until the key is set (other jobs still run).
 */
export const issuerProvider: Provider = {
  provide: ISSUER,
  inject: [WorkerConfig],
  useFactory: async (config: WorkerConfig): Promise<IssuerOrProblem> => {
    try {
      return await loadConfiguredIssuer({
        publicUrl: config.PUBLIC_URL,
        signingKey: config.CERTIFICATE_SIGNING_KEY,
        retiredKeys: config.CERTIFICATE_RETIRED_KEYS,
      });
    } catch (error) {
      if (!(error instanceof IssuerConfigError) || config.NODE_ENV === 'production') throw error;
      new Logger('CertificateIssuer').warn(`Certificates will not be issued: ${error.message}`);
      return error;
    }
  },
};

export function requireIssuer(issuer: IssuerOrProblem): ConfiguredIssuer {
  if (issuer instanceof IssuerConfigError) throw issuer;
  return issuer;
}

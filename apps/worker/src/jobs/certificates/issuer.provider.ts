import { ConfiguredIssuer, IssuerConfigError, loadIssuerForProcess } from '@hocvu/credentials';
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
  useFactory: (config: WorkerConfig): Promise<IssuerOrProblem> =>
    loadIssuerForProcess(
      {
        publicUrl: config.PUBLIC_URL,
        signingKey: config.CERTIFICATE_SIGNING_KEY,
        retiredKeys: config.CERTIFICATE_RETIRED_KEYS,
      },
      {
        production: config.NODE_ENV === 'production',
        warn: (message) =>
          new Logger('CertificateIssuer').warn(`Certificates will not be issued: ${message}`),
      },
    ),
};

export function requireIssuer(issuer: IssuerOrProblem): ConfiguredIssuer {
  if (issuer instanceof IssuerConfigError) throw issuer;
  return issuer;
}

import { ErrorCode } from '@hocvu/contracts';
import { ConfiguredIssuer, IssuerConfigError, loadIssuerForProcess } from '@hocvu/credentials';
import { Logger, Provider } from '@nestjs/common';

import { AppError } from '../../common/errors/app-error';
import { ApiConfig } from '../../config/api-config';

/** The installation's certificate issuer (DID, key, DID document), or why it is not configured. */
export const API_ISSUER = Symbol('API_ISSUER');
export type ApiIssuer = ConfiguredIssuer | IssuerConfigError;

/**
 * Loaded once. Production refuses to start without a valid key (certificates could not be verified);
 * development and tests start, log the fix, and the certificate endpoints answer 503
 * CERTIFICATES_NOT_CONFIGURED naming it.
 */
export const apiIssuerProvider: Provider = {
  provide: API_ISSUER,
  inject: [ApiConfig],
  useFactory: (config: ApiConfig): Promise<ApiIssuer> =>
    loadIssuerForProcess(
      {
        publicUrl: config.PUBLIC_URL,
        signingKey: config.CERTIFICATE_SIGNING_KEY,
        retiredKeys: config.CERTIFICATE_RETIRED_KEYS,
      },
      {
        production: config.NODE_ENV === 'production',
        warn: (message) => new Logger('Certificates').warn(message),
      },
    ),
};

export function configuredIssuer(issuer: ApiIssuer): ConfiguredIssuer {
  if (issuer instanceof IssuerConfigError) {
    throw new AppError(ErrorCode.CertificatesNotConfigured, 503, issuer.message);
  }
  return issuer;
}

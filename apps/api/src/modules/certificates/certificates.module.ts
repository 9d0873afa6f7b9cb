import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { apiIssuerProvider } from './api-issuer.provider';
import { AttestationsAdminService } from './attestations-admin.service';
import { CertificateBatchesService } from './certificate-batches.service';
import {
  CertificatesAdminController,
  MyCertificatesController,
  VerificationController,
} from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { StatusListsService } from './status-lists.service';

/**
 * Certificates after the worker issued them: holders, public verification (page data, uploaded
 * credentials, did:web document, status lists) and admins (revocation, skill batches, attestations).
 * docs/certificates.md explains the design.
 */
@Module({
  imports: [AuditModule, UsersModule],
  controllers: [MyCertificatesController, VerificationController, CertificatesAdminController],
  providers: [
    apiIssuerProvider,
    CertificatesService,
    StatusListsService,
    CertificateBatchesService,
    AttestationsAdminService,
  ],
})
export class CertificatesModule {}

import { Permission } from '@hocvu/contracts';
import type { CertificateCredential, DidDocument, StatusListCredential } from '@hocvu/credentials';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { API_ISSUER, ApiIssuer, configuredIssuer } from './api-issuer.provider';
import { AttestationsAdminService } from './attestations-admin.service';
import { CertificateBatchesService } from './certificate-batches.service';
import { CertificatesService } from './certificates.service';
import {
  AdminCertificateDto,
  AdminCertificatePageDto,
  AdminCertificateQueryDto,
  AttestationPageDto,
  AttestationQueryDto,
  CertificateBatchDetailDto,
  CertificateBatchPageDto,
  CertificateBatchQueryDto,
  CertificateDto,
  CertificateListDto,
  CreateCertificateBatchDto,
  CredentialVerificationDto,
  DecideCertificateBatchDto,
  PublicCertificateDto,
  RetriedDto,
  RevokeCertificateDto,
  SkillProgrammeDto,
  SkillProgrammeListDto,
  VerifyCredentialBodyDto,
} from './dto/certificate.dto';
import { StatusListsService } from './status-lists.service';

const uuid = new ParseUUIDPipe();
const notFound = { type: ErrorResponseDto, description: 'CERTIFICATE_NOT_FOUND' };

/** A learner's own certificates. */
@ApiTags('certificates')
@Controller('me/certificates')
@RequirePermission(Permission.LearningAccess)
export class MyCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @ApiOkResponse({ type: CertificateListDto })
  async list(@CurrentUser() user: AuthUser): Promise<CertificateListDto> {
    return { items: await this.certificates.listMine(user.id) };
  }

  @Get(':serial')
  @ApiOkResponse({ type: CertificateDto })
  @ApiNotFoundResponse(notFound)
  get(@Param('serial') serial: string, @CurrentUser() user: AuthUser): Promise<CertificateDto> {
    return this.certificates.getMine(serial, user);
  }

  @Get(':serial/certificate.pdf')
  @ApiOperation({ summary: 'The certificate as a PDF (A4, rendered on first download and kept)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(notFound)
  async pdf(
    @Param('serial') serial: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.certificates.pdfOf(serial, user);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="chung-nhan-${serial}.pdf"`)
      .header('cache-control', 'private, max-age=3600');
    return pdf;
  }

  @Get(':serial/credential.json')
  @ApiOperation({
    summary: 'The signed Open Badges 3.0 credential (the certificate of record), to keep or share',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiNotFoundResponse(notFound)
  async credential(
    @Param('serial') serial: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateCredential> {
    const credential = await this.certificates.credentialOf(serial, user);
    void reply.header('content-disposition', `attachment; filename="chung-nhan-${serial}.json"`);
    return credential;
  }
}

/** What anyone can check: the verification page's data, uploaded credentials, the issuer's keys and lists. */
@ApiTags('verification')
@Controller()
@Public()
export class VerificationController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly statusLists: StatusListsService,
    private readonly batches: CertificateBatchesService,
    @Inject(API_ISSUER) private readonly issuer: ApiIssuer,
  ) {}

  @Get('verify/:serial')
  @ApiOperation({ summary: 'A certificate by its serial, as the public verification page shows it' })
  @ApiOkResponse({ type: PublicCertificateDto })
  @ApiNotFoundResponse(notFound)
  @Header('cache-control', 'no-cache')
  view(@Param('serial') serial: string): Promise<PublicCertificateDto> {
    return this.certificates.publicView(serial);
  }

  @Post('verify/credential')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify an uploaded certificate credential (signature, issuer, validity, revocation)',
  })
  @ApiOkResponse({ type: CredentialVerificationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (no credential object)' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'CERTIFICATES_NOT_CONFIGURED' })
  verify(@Body() body: VerifyCredentialBodyDto): Promise<CredentialVerificationDto> {
    return this.certificates.verifyUpload(body.credential);
  }

  @Get('credentials/status/:list')
  @ApiOperation({ summary: 'A Bitstring Status List credential (revocation bits of certificates)' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND' })
  @Header('cache-control', 'public, max-age=60')
  statusList(@Param('list', new ParseIntPipe()) list: number): Promise<StatusListCredential> {
    return this.statusLists.get(list);
  }

  @Get('skill-programmes/:code')
  @ApiOperation({ summary: 'A skill programme: the achievement skill certificates name' })
  @ApiOkResponse({ type: SkillProgrammeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SKILL_PROGRAMME_NOT_FOUND' })
  programme(@Param('code') code: string): Promise<SkillProgrammeDto> {
    return this.batches.programmeByCode(code);
  }

  /** The issuer's did:web document; served outside /api (see create-app.ts). */
  @Get('/.well-known/did.json')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'public, max-age=300')
  did(): DidDocument {
    return configuredIssuer(this.issuer).document;
  }
}

/** Admins: search and revoke certificates, skill-certificate batches (four eyes), the attestation queue. */
@ApiTags('certificates-admin')
@Controller('admin')
export class CertificatesAdminController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly batches: CertificateBatchesService,
    private readonly attestations: AttestationsAdminService,
  ) {}

  @Get('certificates')
  @RequirePermission(Permission.CertificateRead)
  @ApiOkResponse({ type: AdminCertificatePageDto })
  search(@Query() query: AdminCertificateQueryDto): Promise<AdminCertificatePageDto> {
    return this.certificates.search(query);
  }

  @Post('certificates/:serial/revoke')
  @RequirePermission(Permission.CertificateRevoke)
  @HttpCode(200)
  @ApiOkResponse({ type: AdminCertificateDto })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CERTIFICATE_ALREADY_REVOKED' })
  revoke(
    @Param('serial') serial: string,
    @Body() dto: RevokeCertificateDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<AdminCertificateDto> {
    return this.certificates.revoke(serial, dto.reason, actor, { requestId: request.id });
  }

  @Get('skill-programmes')
  @RequirePermission(Permission.CertificateIssue)
  @ApiOkResponse({ type: SkillProgrammeListDto })
  async programmes(): Promise<SkillProgrammeListDto> {
    return { items: await this.batches.programmes() };
  }

  @Get('certificate-batches')
  @RequirePermission(Permission.CertificateIssue)
  @ApiOkResponse({ type: CertificateBatchPageDto })
  listBatches(@Query() query: CertificateBatchQueryDto): Promise<CertificateBatchPageDto> {
    return this.batches.list(query);
  }

  @Post('certificate-batches')
  @RequirePermission(Permission.CertificateIssue)
  @ApiCreatedResponse({ type: CertificateBatchDetailDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'BATCH_LEARNERS_INVALID with details.problems [{ line, value, problem }]',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SKILL_PROGRAMME_NOT_FOUND' })
  prepare(
    @Body() dto: CreateCertificateBatchDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<CertificateBatchDetailDto> {
    return this.batches.prepare(dto, actor, { requestId: request.id });
  }

  @Get('certificate-batches/:id')
  @RequirePermission(Permission.CertificateIssue)
  @ApiOkResponse({ type: CertificateBatchDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'BATCH_NOT_FOUND' })
  batch(@Param('id', uuid) id: string): Promise<CertificateBatchDetailDto> {
    return this.batches.detail(id);
  }

  @Post('certificate-batches/:id/approve')
  @RequirePermission(Permission.CertificateIssue)
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateBatchDetailDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FOUR_EYES_REQUIRED (you prepared it)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'BATCH_ALREADY_DECIDED' })
  approve(
    @Param('id', uuid) id: string,
    @Body() dto: DecideCertificateBatchDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<CertificateBatchDetailDto> {
    return this.batches.decide(id, 'approve', dto, actor, { requestId: request.id });
  }

  @Post('certificate-batches/:id/reject')
  @RequirePermission(Permission.CertificateIssue)
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateBatchDetailDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FOUR_EYES_REQUIRED (you prepared it)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'BATCH_ALREADY_DECIDED' })
  reject(
    @Param('id', uuid) id: string,
    @Body() dto: DecideCertificateBatchDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<CertificateBatchDetailDto> {
    return this.batches.decide(id, 'reject', dto, actor, { requestId: request.id });
  }

  @Get('attestations')
  @RequirePermission(Permission.AttestationManage)
  @ApiOkResponse({ type: AttestationPageDto })
  listAttestations(@Query() query: AttestationQueryDto): Promise<AttestationPageDto> {
    return this.attestations.list(query);
  }

  @Post('attestations/retry-all')
  @RequirePermission(Permission.AttestationManage)
  @HttpCode(200)
  @ApiOkResponse({ type: RetriedDto })
  retryAll(@CurrentUser() actor: AuthUser, @Req() request: FastifyRequest): Promise<RetriedDto> {
    return this.attestations.retryAll(actor, { requestId: request.id });
  }

  @Post('attestations/:certificateId/retry')
  @RequirePermission(Permission.AttestationManage)
  @HttpCode(200)
  @ApiOkResponse({ type: RetriedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ATTESTATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ATTESTATION_NOT_RETRYABLE (not failed)' })
  retry(
    @Param('certificateId', uuid) certificateId: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<RetriedDto> {
    return this.attestations.retry(certificateId, actor, { requestId: request.id });
  }
}

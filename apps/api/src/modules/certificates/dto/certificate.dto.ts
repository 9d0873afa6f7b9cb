import {
  ATTESTATION_STATES,
  AttestationState,
  CertificateBatchState,
  CertificateKind,
} from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

import { PageQueryDto } from '../../../common/pagination';

const KINDS = Object.values(CertificateKind);
const BATCH_STATES = Object.values(CertificateBatchState);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AttestationSummaryDto {
  @ApiProperty({ enum: ATTESTATION_STATES }) state!: AttestationState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why VNeID rejected it (e.g. data_mismatch)' })
  rejectionReason!: string | null;
}

/** A certificate as its holder sees it. */
export class CertificateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DB-2026-000123' }) serial!: string;
  @ApiProperty({ enum: KINDS }) kind!: CertificateKind;
  @ApiProperty({ example: 'Quàng Thị Hoa' }) learnerName!: string;
  @ApiProperty({ description: 'Course title or skill programme name, as printed' }) title!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) completedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ tỉnh Điện Biên' }) issuerName!: string;
  @ApiProperty({ description: 'Public verification page (also the QR code target)' })
  verificationUrl!: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status!: 'valid' | 'revoked';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({
    type: AttestationSummaryDto,
    nullable: true,
    description: 'Null: not sent to VNeID (learner not identity-verified)',
  })
  attestation!: AttestationSummaryDto | null;
}

export class CertificateListDto {
  @ApiProperty({ type: [CertificateDto] }) items!: CertificateDto[];
}

/** What anyone may see about a certificate on its verification page. */
export class PublicCertificateDto {
  @ApiProperty({ example: 'DB-2026-000123' }) serial!: string;
  @ApiProperty({ enum: KINDS }) kind!: CertificateKind;
  @ApiProperty({
    example: 'Quàng T** H**',
    description: 'Family name in full, other words by their first letter',
  })
  learnerNameMasked!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date-time' }) completedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: string;
  @ApiProperty() issuerName!: string;
  @ApiProperty({ example: 'did:web:hocvu.dienbien.gov.vn' }) issuerDid!: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status!: 'valid' | 'revoked';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({ description: 'Whether VNeID confirmed this completion' }) confirmedOnVneid!: boolean;
}

export class VerifyCredentialBodyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The certificate credential JSON (as downloaded), verified as uploaded',
  })
  @IsObject()
  credential!: Record<string, unknown>;
}

export class CredentialProblemDto {
  @ApiProperty({
    example: 'SIGNATURE_INVALID',
    description:
      'MALFORMED | UNKNOWN_CONTEXT | UNKNOWN_ISSUER | SIGNATURE_INVALID | NOT_YET_VALID | EXPIRED | REVOKED | STATUS_UNAVAILABLE | STATUS_LIST_INVALID',
  })
  code!: string;
  @ApiProperty() message!: string;
}

export class CredentialVerificationDto {
  @ApiProperty({ enum: ['valid', 'revoked', 'invalid'] }) status!: 'valid' | 'revoked' | 'invalid';
  @ApiProperty({ type: [CredentialProblemDto] }) problems!: CredentialProblemDto[];
  @ApiProperty({
    type: PublicCertificateDto,
    nullable: true,
    description: 'The certificate this credential is, when it is authentic and ours',
  })
  certificate!: PublicCertificateDto | null;
}

export class AdminCertificateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Serial, or part of the learner name, or phone number' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  q?: string;

  @ApiPropertyOptional({ enum: ['valid', 'revoked'] })
  @IsOptional()
  @IsIn(['valid', 'revoked'])
  status?: 'valid' | 'revoked';
}

export class AdminCertificateDto extends CertificateDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true }) revokedByName!: string | null;
}

export class AdminCertificatePageDto {
  @ApiProperty({ type: [AdminCertificateDto] }) items!: AdminCertificateDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RevokeCertificateDto {
  @ApiProperty({ minLength: 5, maxLength: 500, example: 'Cấp nhầm người học (trùng tên)' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}

export class SkillProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KNS-CO-BAN-NGUOI-DAN' }) code!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { vi: 'Kỹ năng số cơ bản' },
  })
  title!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) description!: Record<
    string,
    string
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) criteria!: Record<
    string,
    string
  >;
  @ApiProperty({ type: String, nullable: true }) targetGroup!: string | null;
}

export class SkillProgrammeListDto {
  @ApiProperty({ type: [SkillProgrammeDto] }) items!: SkillProgrammeDto[];
}

export class CreateCertificateBatchDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  skillProgrammeId!: string;

  @ApiProperty({ maxLength: 200, example: 'Lớp kỹ năng số bản Na Son, tháng 11/2026' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 1000, example: 'Đạt bài đánh giá trực tiếp ngày 20/11/2026' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({ example: '2026-11-20', description: 'Day of the in-person assessment (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  @MaxLength(10)
  @MinLength(10)
  assessedOn!: string;

  @ApiProperty({
    type: [String],
    description: 'Learners by phone number or 12-digit citizen id, one per entry (1–2000)',
    example: ['0911000004', '011175012358'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  learners!: string[];
}

export class DecideCertificateBatchDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CertificateBatchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BATCH_STATES })
  @IsOptional()
  @IsIn(BATCH_STATES)
  state?: CertificateBatchState;
}

export class CertificateBatchItemDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Phone, masked' }) phoneMasked!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Serial once issued' }) serial!: string | null;
}

export class CertificateBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: SkillProgrammeDto }) skillProgramme!: SkillProgrammeDto;
  @ApiProperty({ enum: BATCH_STATES }) state!: CertificateBatchState;
  @ApiProperty({ type: String, format: 'date' }) assessedOn!: string;
  @ApiProperty() itemCount!: number;
  @ApiProperty() issuedCount!: number;
  @ApiProperty({ format: 'uuid' }) preparedBy!: string;
  @ApiProperty() preparedByName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) preparedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
}

export class CertificateBatchDetailDto extends CertificateBatchDto {
  @ApiProperty({ type: [CertificateBatchItemDto] }) items!: CertificateBatchItemDto[];
}

export class CertificateBatchPageDto {
  @ApiProperty({ type: [CertificateBatchDto] }) items!: CertificateBatchDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AttestationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ATTESTATION_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(ATTESTATION_STATES)
  state: AttestationState = 'failed';
}

export class AttestationRowDto {
  @ApiProperty({ format: 'uuid' }) certificateId!: string;
  @ApiProperty() serial!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ATTESTATION_STATES }) state!: AttestationState;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class AttestationCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() failed!: number;
}

export class AttestationPageDto {
  @ApiProperty({ type: AttestationCountsDto }) counts!: AttestationCountsDto;
  @ApiProperty({ type: [AttestationRowDto] }) items!: AttestationRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RetriedDto {
  @ApiProperty({ description: 'Attestations sent back to the queue' }) retried!: number;
}

import {
  Gender,
  GENDERS,
  PERMISSIONS,
  Role,
  ROLES,
  STAFF_ROLES,
  TARGET_GROUPS,
  TargetGroup,
  UserStatus,
} from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { PageQueryDto } from '../../../common/pagination';
import {
  IsAcceptablePassword,
  IsBirthDate,
  IsVietnamesePhone,
  LowerCaseTrim,
  Trim,
} from '../../../common/validation/validators';

/** BCP-47-ish language code: `vi`, `en`, `blt` (Tai Dam), `hmn` (Hmong), `zh-Hant`… */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class CommuneRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Mường Thanh' }) name!: string;
}

/**
 * Optional attributes for inclusion reporting (docs/privacy.md). Sent with `consent: true` they are
 * kept (and the consent time recorded); `consent: false` withdraws: all three are erased.
 */
export class InclusionAttributesDto {
  @ApiProperty({ description: 'The learner agrees to these attributes being kept for campaign figures' })
  @IsBoolean()
  consent!: boolean;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Self-declared disability' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsBoolean()
  disability?: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40, example: 'Thái' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsString()
  @Length(1, 40)
  ethnicGroup?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 40,
    description: 'Household id (số hộ), for the "digital family" figure',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsString()
  @Length(1, 40)
  householdId?: string | null;
}

export class InclusionProfileDto {
  @ApiProperty({ type: String, format: 'date-time' }) consentedAt!: string;
  @ApiProperty({ type: Boolean, nullable: true }) disability!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) ethnicGroup!: string | null;
  @ApiProperty({ type: String, nullable: true }) householdId!: string | null;
}

export class UserProfileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ example: 'Lò Thị Mai' }) fullName!: string;
  @ApiProperty({ type: String, nullable: true, example: '+84912345678' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '1962-05-19' }) birthDate!:
    string | null;
  @ApiProperty({ enum: GENDERS, enumName: 'Gender', nullable: true }) gender!: Gender | null;
  @ApiProperty({ example: 'vi' }) preferredLanguage!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) communeId!: string | null;
  @ApiProperty({ type: CommuneRefDto, nullable: true }) commune!: CommuneRefDto | null;
  @ApiProperty({
    type: CommuneRefDto,
    nullable: true,
    description: 'The village (thôn/bản/tổ dân phố) of the commune the person lives in',
  })
  village!: CommuneRefDto | null;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', nullable: true })
  targetGroup!: TargetGroup | null;
  @ApiProperty({ enum: ['active', 'disabled'], enumName: 'UserStatus' }) status!: UserStatus;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '0012******89',
    description: 'Citizen id from VNeID, masked; null when not linked',
  })
  citizenIdMasked!: string | null;
  @ApiProperty({
    type: Number,
    enum: [1, 2],
    nullable: true,
    description: 'VNeID identification level (2 = identity-verified)',
  })
  identityLevel!: 1 | 2 | null;
  @ApiProperty({
    type: InclusionProfileDto,
    nullable: true,
    description: 'Optional attributes the learner consented to; null without consent',
  })
  inclusion!: InclusionProfileDto | null;
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true }) permissions!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

/** Fields a person may set about themselves (at sign-up or later). */
export class ProfileFieldsDto {
  @ApiPropertyOptional({ type: String, format: 'date', example: '1962-05-19' })
  @IsOptional()
  @IsBirthDate()
  birthDate?: string;

  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ example: 'vi', description: 'BCP-47 language code' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'preferredLanguage must be a language code such as vi, en, blt or hmn' })
  preferredLanguage?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Commune or ward (administrative unit) of residence or work',
  })
  @IsOptional()
  @IsUUID('all')
  communeId?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup' })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;
}

export class UpdateProfileDto extends ProfileFieldsDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A village of your commune (GET /api/admin-units?kind=village&parentId=…); null clears it',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  villageId?: string | null;

  @ApiPropertyOptional({ type: InclusionAttributesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InclusionAttributesDto)
  inclusion?: InclusionAttributesDto;

  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 120)
  fullName?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ minLength: 8, description: 'At least 8 characters with a letter and a digit' })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

/** Phone or email (at least one) plus a password: shared by sign-up and staff creation. */
export class AccountFieldsDto extends ProfileFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Lò Thị Mai' })
  @Trim()
  @IsString()
  @Length(1, 120)
  fullName!: string;

  @ApiPropertyOptional({
    description: 'Vietnamese mobile number in any usual format; stored as +84…',
    example: '0912 345 678',
  })
  @ValidateIf((dto: AccountFieldsDto) => dto.phone !== undefined || dto.email === undefined)
  @IsVietnamesePhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'mai.lt@example.vn' })
  @IsOptional()
  @LowerCaseTrim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ minLength: 8, description: 'At least 8 characters with a letter and a digit' })
  @IsString()
  @IsAcceptablePassword()
  password!: string;
}

export class CreateStaffDto extends AccountFieldsDto {
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsIn(STAFF_ROLES)
  role!: Role;
}

export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked for commune admins' }) phone!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) communeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) communeName!: string | null;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', nullable: true })
  targetGroup!: TargetGroup | null;
  @ApiProperty({ enum: ['active', 'disabled'], enumName: 'UserStatus' }) status!: UserStatus;
  @ApiProperty({ description: 'A learner marked as digital ambassador' }) ambassador!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search by name, phone or email', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  communeId?: string;

  @ApiPropertyOptional({ description: 'Only digital ambassadors (true) or only others (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  ambassador?: boolean;
}

export class UserPageDto {
  @ApiProperty({ type: [UserSummaryDto] }) items!: UserSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PasswordResetDto {
  @ApiProperty({
    description: 'Shown once to the admin; the user must choose a new password after signing in',
  })
  temporaryPassword!: string;
}

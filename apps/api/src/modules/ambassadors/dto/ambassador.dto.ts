import { AMBASSADOR_MINIMUM_LEARNERS, Gender, GENDERS, TARGET_GROUPS, TargetGroup } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

import { IsVietnamesePhone, Trim } from '../../../common/validation/validators';

export class SetAmbassadorDto {
  @ApiProperty({ description: 'true: mark as digital ambassador; false: unmark (their links are removed)' })
  @IsBoolean()
  ambassador!: boolean;
}

export class AmbassadorStatusDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() ambassador!: boolean;
  @ApiProperty({ description: 'Learners this ambassador helps (0 after unmarking: the links are removed)' })
  learners!: number;
}

export class RegisterHelpedLearnerDto {
  @ApiPropertyOptional({
    description: 'Mobile number: links the learner who has it, or becomes the new account’s phone',
    example: '0912 345 678',
  })
  @IsOptional()
  @IsVietnamesePhone()
  phone?: string;

  @ApiPropertyOptional({
    description: 'Citizen id (12 digits), for people without a phone; stored encrypted',
    example: '011068004127',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s/g, '') : value,
  )
  @Matches(/^\d{12}$/, { message: 'citizenId must be 12 digits' })
  citizenId?: string;

  @ApiProperty({
    description:
      'Always required, so the answer never depends on whether an account exists; an existing ' +
      'learner keeps the name on their account',
    maxLength: 120,
    example: 'Lò Thị Ánh',
  })
  @Trim()
  @IsString()
  @Length(1, 120)
  fullName!: string;

  @ApiPropertyOptional({ example: 1958, description: 'Enough for the 60+ figure; no full birth date asked' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup' })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;
}

export class HelpedLearnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked: +84912***678' }) phone!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) linkedAt!: string;
  @ApiProperty({ description: 'Courses enrolled in' }) enrolledCourses!: number;
  @ApiProperty({ description: 'Courses completed' }) completedCourses!: number;
  @ApiProperty({ description: 'Certificates held (not revoked)' }) certificates!: number;
  @ApiProperty({ description: 'A certificate of theirs is confirmed on VNeID' }) confirmedOnVneid!: boolean;
  @ApiProperty({ description: 'Signed in with VNeID (identity-verified)' }) identityVerified!: boolean;
  @ApiProperty({ description: 'Community sessions attended' }) sessionsAttended!: number;
}

export class HelpedLearnerListDto {
  @ApiProperty({ type: [HelpedLearnerDto] }) items!: HelpedLearnerDto[];
  @ApiProperty({ example: AMBASSADOR_MINIMUM_LEARNERS, description: 'Learners each ambassador should guide' })
  minimumLearners!: number;
}

export class RegisterHelpedLearnerResultDto {
  @ApiProperty({ type: HelpedLearnerDto }) learner!: HelpedLearnerDto;
  @ApiProperty({ description: 'A new account was created (false: an existing learner was linked)' })
  created!: boolean;
}

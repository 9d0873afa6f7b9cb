import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MinLength, ValidateIf } from 'class-validator';

import { NotTogetherWith } from '../../../common/validation/validators';
import { ROSTER_MAX_FILE_BYTES } from '../roster-file';

/** Largest request body of the roster routes: a 10 MB workbook in base64, plus the JSON around it. */
export const ROSTER_BODY_LIMIT = Math.ceil(ROSTER_MAX_FILE_BYTES / 3) * 4 + 64 * 1024;

/**
 * The roster file, as CSV text or as an XLSX workbook in base64 (the question import's mechanism):
 * exactly one of the two. Files over 10 MB are refused with ROSTER_FILE_TOO_LARGE (413).
 */
export class RosterFileDto {
  @ApiPropertyOptional({
    description:
      'The roster as CSV text (UTF-8; comma or semicolon separated), header in row 1. Or send `xlsx`.',
  })
  // Required unless the workbook is sent instead.
  @ValidateIf((body: RosterFileDto) => body.csv !== undefined || body.xlsx === undefined)
  @IsString()
  @MinLength(1)
  csv?: string;

  @ApiPropertyOptional({
    description:
      'The roster as an XLSX workbook (first worksheet), in base64, at most 10 MB decoded. Or send `csv`.',
  })
  @ValidateIf((body: RosterFileDto) => body.xlsx !== undefined)
  @IsString()
  @MinLength(1)
  @NotTogetherWith('csv')
  xlsx?: string;
}

export class RosterEnrolDto {
  @ApiProperty({ format: 'uuid', description: 'A published course' })
  @IsUUID('all')
  courseId!: string;
}

export class RosterIssueDto {
  @ApiProperty({ description: 'Spreadsheet row (the header is row 1)' }) row!: number;
  @ApiProperty({ description: 'The column, by its template header (e.g. "số điện thoại")' }) column!: string;
  @ApiProperty({
    description:
      'Problems: missing_column, duplicate_column, required, too_long, invalid_phone, invalid_citizen_id, ' +
      'contact_required, invalid_birth_date, invalid_gender, unknown_commune, ambiguous_commune, ' +
      'outside_commune, unknown_village, invalid_target_group, invalid_consent, invalid_disability, ' +
      'duplicate_in_file, conflict. Warnings: unknown_column, attributes_without_consent, citizen_id_padded.',
  })
  code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'The cell as read (at most 200 characters)' }) value?: string;
}

export class RosterDuplicateDto {
  @ApiProperty() row!: number;
  @ApiProperty({ description: 'The column that matched' }) column!: string;
  @ApiProperty({
    enum: ['duplicate_in_file', 'exists'],
    description:
      'duplicate_in_file: an earlier row has it (the row is a problem too); exists: an account has it',
  })
  code!: 'duplicate_in_file' | 'exists';
  @ApiPropertyOptional({ description: 'duplicate_in_file: the earlier row' }) firstRow?: number;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'exists: the account, when you may enrol it (an active learner in your scope); else null',
  })
  userId?: string | null;
}

export class RosterPreviewDto {
  @ApiProperty({ description: 'Data rows read (blank rows not counted)' }) rows!: number;
  @ApiProperty({ description: 'Rows that would create an account' }) valid!: number;
  @ApiProperty({ description: 'Rows that match an existing account (no new account)' }) existing!: number;
  @ApiProperty({ type: [RosterIssueDto], description: 'What keeps rows out' }) problems!: RosterIssueDto[];
  @ApiProperty({ type: [RosterIssueDto], description: 'What was ignored or fixed' })
  warnings!: RosterIssueDto[];
  @ApiProperty({ type: [RosterDuplicateDto] }) duplicates!: RosterDuplicateDto[];
}

export class RosterImportResultDto extends RosterPreviewDto {
  @ApiProperty({
    format: 'uuid',
    description: 'For POST /api/rosters/imports/{importId}/enrol',
  })
  importId!: string;
  @ApiProperty({ description: 'Accounts created' }) created!: number;
  @ApiProperty({ description: 'Rows matching an existing account, not created again' })
  skippedExisting!: number;
  @ApiProperty({
    type: [String],
    description: 'The created accounts and the existing ones you may enrol, in file order',
  })
  userIds!: string[];
}

export class RosterEnrolResultDto {
  @ApiProperty({ description: 'Learners newly enrolled' }) enrolled!: number;
  @ApiProperty({ description: 'Learners of the import already enrolled' }) alreadyEnrolled!: number;
  @ApiProperty({
    description:
      'Learners of the import not enrolled: no longer active learners, or moved out of your commune',
  })
  skipped!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

import { NotTogetherWith } from '../../../common/validation/validators';
import { AdminUnitDto } from './admin-unit.dto';

/** A village list is a few dozen lines; 1 MB of text (or a 1 MB workbook in base64) is plenty. */
export const VILLAGE_LIST_MAX_CHARS = 1_000_000;
export const VILLAGE_XLSX_MAX_BASE64 = Math.ceil((1024 * 1024) / 3) * 4;

/**
 * A commune's villages as text (CSV, or lines pasted from a document or spreadsheet: name, then
 * optional code and population, separated by tabs, semicolons or commas) or as an XLSX workbook in
 * base64 (first sheet): exactly one of the two.
 */
export class VillageListDto {
  @ApiPropertyOptional({
    description:
      'One village a line: name[, code[, population]]; tab, semicolon or comma separated; an optional ' +
      'header row (tên thôn, mã, dân số). At most 1,000,000 characters. Or send `xlsx`.',
    example: 'Bản Co Củ\t\t412\nBản Hồng Sọt',
  })
  @ValidateIf((body: VillageListDto) => body.text !== undefined || body.xlsx === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(VILLAGE_LIST_MAX_CHARS)
  text?: string;

  @ApiPropertyOptional({
    description: 'An XLSX workbook (first sheet, same columns) in base64, at most 1 MB',
  })
  @ValidateIf((body: VillageListDto) => body.xlsx !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(VILLAGE_XLSX_MAX_BASE64)
  @NotTogetherWith('text')
  xlsx?: string;
}

export class VillageProblemDto {
  @ApiProperty({ description: 'Line of the list (spreadsheet row); a header row is line 1' }) line!: number;
  @ApiProperty({
    enum: ['required', 'too_long', 'duplicate_in_file', 'invalid_code', 'invalid_population', 'code_taken'],
    description:
      'required: empty name; too_long: over 120 characters; duplicate_in_file: the name or code is on an ' +
      'earlier line; invalid_code / invalid_population: unreadable cell; code_taken: another unit has the code',
  })
  code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'The cell as read (at most 200 characters)' }) value?: string;
}

export class VillagePreviewLineDto {
  @ApiProperty() line!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty({
    enum: ['new', 'existing'],
    description: 'new: will be added; existing: the commune has this village already (kept)',
  })
  status!: 'new' | 'existing';
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'existing: the village' })
  villageId!: string | null;
}

export class VillagePreviewDto {
  @ApiProperty({ format: 'uuid' }) communeId!: string;
  @ApiProperty({ type: [VillagePreviewLineDto], description: 'The readable lines, in list order' })
  lines!: VillagePreviewLineDto[];
  @ApiProperty({ type: [VillageProblemDto] }) problems!: VillageProblemDto[];
  @ApiProperty({ description: 'Lines that would add a village' }) added!: number;
  @ApiProperty({ description: 'Lines naming a village the commune has already' }) existing!: number;
}

export class VillageImportResultDto {
  @ApiProperty() added!: number;
  @ApiProperty({
    description: 'Villages already there, kept (their population updated when the line gave one)',
  })
  existing!: number;
  @ApiProperty({ type: [AdminUnitDto], description: "The commune's villages after the import" })
  villages!: AdminUnitDto[];
}

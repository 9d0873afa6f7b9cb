import { ADMIN_UNIT_KINDS, AdminUnitKind } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

import { Trim } from '../../../common/validation/validators';

export class AdminUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '03151' }) code!: string;
  @ApiProperty({ example: 'Mường Thanh' }) name!: string;
  @ApiProperty({ enum: ADMIN_UNIT_KINDS, enumName: 'AdminUnitKind' }) kind!: AdminUnitKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
}

export class AdminUnitQueryDto {
  @ApiPropertyOptional({ enum: ADMIN_UNIT_KINDS, enumName: 'AdminUnitKind' })
  @IsOptional()
  @IsIn(ADMIN_UNIT_KINDS)
  kind?: AdminUnitKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;
}

export class ImportAdminUnitsDto {
  @ApiProperty({ example: '11', description: 'Statistics code of the province the communes belong to' })
  @Matches(/^\d{2}$/, { message: 'provinceCode must be the 2-digit province code' })
  provinceCode!: string;

  @ApiProperty({ example: 'Điện Biên' })
  @Trim()
  @IsString()
  @Length(1, 120)
  provinceName!: string;

  @ApiProperty({
    description:
      'CSV text with the header seq,name,kind,area_km2,population,merged_from,code (kind: xa|phuong); at most 1 MB',
  })
  @IsString()
  @Length(1, 1_000_000)
  @MaxLength(1_000_000)
  csv!: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line number in the CSV (the header is line 1)' }) line!: number;
  @ApiProperty() message!: string;
}

export class ImportAdminUnitsResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
}

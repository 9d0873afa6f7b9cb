import { CAMPAIGN_REPORT_FORMATS, CampaignReportFormat, CampaignReportStatus } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const STATUSES = Object.values(CampaignReportStatus);

export class RequestCampaignReportDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiProperty({ minimum: 1, maximum: 4, example: 3, description: 'Quarter 1 is January–March' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A province (every commune) or a commune; default: the province, or your commune',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class CampaignReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this unit’s reports' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class CampaignReportFormatParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ enum: CAMPAIGN_REPORT_FORMATS })
  @IsIn(CAMPAIGN_REPORT_FORMATS)
  format!: CampaignReportFormat;
}

export class CampaignReportIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class CampaignReportFileDto {
  @ApiProperty({ enum: CAMPAIGN_REPORT_FORMATS }) format!: CampaignReportFormat;
  @ApiProperty({ example: 'bao-cao-quy-3-2026-tinh-dien-bien.xlsx' }) fileName!: string;
  @ApiProperty() bytes!: number;
}

export class CampaignReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['province', 'commune'] }) unitKind!: 'province' | 'commune';
  @ApiProperty() year!: number;
  @ApiProperty() quarter!: number;
  @ApiProperty({ description: 'Made by the quarterly schedule rather than on request' }) scheduled!: boolean;
  @ApiProperty({ type: String, nullable: true }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ enum: STATUSES }) status!: CampaignReportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({
    description: 'True when the quarter had not ended when the report was made (figures to that moment)',
    type: Boolean,
    nullable: true,
  })
  partial!: boolean | null;
  @ApiProperty({ type: [CampaignReportFileDto], description: 'Empty until the report is done' })
  files!: CampaignReportFileDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why a failed report failed' })
  error!: string | null;
}

export class CampaignReportListDto {
  @ApiProperty({ type: [CampaignReportDto] }) items!: CampaignReportDto[];
}

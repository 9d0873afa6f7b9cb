import { CAMPAIGN_STAGES, CampaignStage, TARGET_GROUPS, TargetGroup, TargetKind } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';

const KINDS = Object.values(TargetKind);

export class DashboardQueryDto {
  @ApiPropertyOptional({
    description: 'Year of the targets and the weekly series; default this year',
    example: 2026,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A province or a commune; default: the province (province admins) or your commune (commune admins)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class StageCountsDto {
  @ApiProperty() registered!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() certified!: number;
  @ApiProperty() confirmed!: number;
}

export class TargetProgressDto {
  @ApiProperty({ enum: KINDS }) kind!: TargetKind;
  @ApiProperty({ description: 'The count, or the percentage' }) value!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Population a percentage is of' })
  populationBase!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The target as a number of learners (null: no base for a percentage)',
  })
  targetCount!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Learners reached ÷ target count, in %' })
  progressPercent!: number | null;
}

export class FunnelStageDto {
  @ApiProperty({ enum: CAMPAIGN_STAGES }) stage!: CampaignStage;
  @ApiProperty() learners!: number;
  @ApiProperty({ type: TargetProgressDto, nullable: true }) target!: TargetProgressDto | null;
}

export class WeeklyPointDto extends StageCountsDto {
  @ApiProperty({ type: String, format: 'date', description: 'Monday of the week (Vietnam time)' })
  week!: string;
}

export class GroupBreakdownDto extends StageCountsDto {
  @ApiProperty({ enum: TARGET_GROUPS, nullable: true, description: 'null: not stated' })
  targetGroup!: TargetGroup | null;
}

export class CommuneRankDto {
  @ApiProperty({ format: 'uuid' }) communeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() registered!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty({ type: Number, nullable: true }) confirmedTarget!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'confirmed ÷ confirmedTarget, in %' })
  progressPercent!: number | null;
}

export class DashboardUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['province', 'commune'] }) kind!: 'province' | 'commune';
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
}

/** The "digital family" (gia đình số) figure: households by the learner-given household id. */
export class HouseholdsDto {
  @ApiProperty({ description: 'Households with at least one registered learner' }) registered!: number;
  @ApiProperty({ description: 'Households with at least one learner holding a valid certificate' })
  certified!: number;
}

export class CommunityFiguresDto {
  @ApiProperty({ description: 'Learners marked as digital ambassadors (active)' }) ambassadors!: number;
  @ApiProperty({ description: 'Learners helped by one of these ambassadors' })
  learnersWithAmbassador!: number;
  @ApiProperty({ example: 5, description: 'Learners each ambassador should guide (the plan: 5)' })
  minimumLearners!: number;
  @ApiProperty({ description: 'Ambassadors guiding at least minimumLearners learners' })
  ambassadorsWithMinimum!: number;
  @ApiProperty({ description: 'Community sessions held in the year (started, not cancelled)' })
  sessionsHeld!: number;
  @ApiProperty({ description: 'People recorded at those sessions (one per session and person)' })
  attendances!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attendances ÷ sessionsHeld, one decimal' })
  averageAttendance!: number | null;
}

export class DashboardDto {
  @ApiProperty({ type: DashboardUnitDto }) unit!: DashboardUnitDto;
  @ApiProperty() year!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the aggregates were last refreshed',
  })
  refreshedAt!: string | null;
  @ApiProperty({ type: [FunnelStageDto] }) funnel!: FunnelStageDto[];
  @ApiProperty({ type: [WeeklyPointDto], description: 'Learners reaching each stage per week of the year' })
  weekly!: WeeklyPointDto[];
  @ApiProperty({ type: [GroupBreakdownDto] }) byTargetGroup!: GroupBreakdownDto[];
  @ApiProperty({ type: StageCountsDto, description: 'Learners aged 60 and over' }) elderly!: StageCountsDto;
  @ApiProperty({ type: StageCountsDto, description: 'Learners who declared a disability' })
  disability!: StageCountsDto;
  @ApiProperty({
    type: [CommuneRankDto],
    description: 'Communes ranked by VNeID-confirmed progress (province view)',
  })
  communes!: CommuneRankDto[];
  @ApiProperty({
    type: CommunityFiguresDto,
    description: 'Digital ambassadors and community sessions (live)',
  })
  community!: CommunityFiguresDto;
  @ApiProperty({
    type: HouseholdsDto,
    description: '"Digital family": households with a member registered / certified (aggregates ≤ 5 min old)',
  })
  households!: HouseholdsDto;
}

export class TargetQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class PutTargetDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiProperty({ format: 'uuid', description: 'The province or a commune' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: TARGET_GROUPS, nullable: true, description: 'null: every learner' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(TARGET_GROUPS)
  targetGroup!: TargetGroup | null;

  @ApiProperty({ enum: CAMPAIGN_STAGES, example: 'confirmed' })
  @IsIn(CAMPAIGN_STAGES)
  metric!: CampaignStage;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: TargetKind;

  @ApiProperty({ example: 330000, description: 'A count (≥ 0) or a percentage (0–100)' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100_000_000)
  value!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Population a percentage is of; default the unit’s population',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  populationBase?: number | null;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: TARGET_GROUPS, nullable: true }) targetGroup!: TargetGroup | null;
  @ApiProperty({ enum: CAMPAIGN_STAGES }) metric!: CampaignStage;
  @ApiProperty({ enum: KINDS }) kind!: TargetKind;
  @ApiProperty() value!: number;
  @ApiProperty({ type: Number, nullable: true }) populationBase!: number | null;
}

export class TargetListDto {
  @ApiProperty({ type: [TargetDto] }) items!: TargetDto[];
}

export class StatsRefreshQueuedDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the figures shown now were computed; the dashboard’s refreshedAt moves past it soon',
  })
  refreshedAt!: string | null;
}

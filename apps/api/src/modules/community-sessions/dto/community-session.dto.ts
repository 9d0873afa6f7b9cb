import { ATTENDANCE_METHODS, AttendanceMethod } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { PageQueryDto } from '../../../common/pagination';
import { Trim } from '../../../common/validation/validators';

export class CreateCommunitySessionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The commune; default (and the only one allowed) your own for commune admins and teachers',
  })
  @IsOptional()
  @IsUUID()
  communeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A published course the class follows' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiProperty({ example: 'Cài đặt VNeID cho người cao tuổi', maxLength: 160 })
  @Trim()
  @IsString()
  @Length(1, 160)
  title!: string;

  @ApiProperty({ example: 'Nhà văn hóa bản Co Muông', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  place!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-14T08:00:00+07:00' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiPropertyOptional({ default: 90, minimum: 15, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, description: 'The plan: classes of 30–50' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  capacity?: number;
}

export class CommunitySessionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['upcoming', 'past'],
    default: 'upcoming',
    description: 'upcoming: not yet over (soonest first); past: over (latest first)',
  })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  when: 'upcoming' | 'past' = 'upcoming';

  @ApiPropertyOptional({ format: 'uuid', description: 'Province admins: one commune (default all)' })
  @IsOptional()
  @IsUUID()
  communeId?: string;
}

export class CancelCommunitySessionDto {
  @ApiPropertyOptional({ maxLength: 300, example: 'Mưa lớn, đường vào bản bị sạt' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class RecordQrAttendanceDto {
  @ApiProperty({
    description: 'The scanned QR payload (HOCVU:…) or the code typed by hand',
    example: 'ABCD-EFGH-JKMN',
  })
  @IsString()
  @Length(1, 64)
  token!: string;
}

export class RecordListAttendanceDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Learners of the session’s commune (1–100)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class CandidateQueryDto {
  @ApiPropertyOptional({ description: 'Name or phone digits', maxLength: 60 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(60)
  q?: string;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 30;
}

export class CommunitySessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) communeId!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The course title (Vietnamese)' })
  courseTitle!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() capacity!: number;
  @ApiProperty() attendance!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
}

export class CommunitySessionPageDto {
  @ApiProperty({ type: [CommunitySessionDto] }) items!: CommunitySessionDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked: +84912***678' }) phone!: string | null;
  @ApiProperty({ enum: ATTENDANCE_METHODS }) method!: AttendanceMethod;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class CommunitySessionDetailDto extends CommunitySessionDto {
  @ApiProperty({ type: [AttendeeDto] }) attendees!: AttendeeDto[];
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked: +84912***678' }) phone!: string | null;
  @ApiProperty({ type: Number, nullable: true }) birthYear!: number | null;
  @ApiProperty({ description: 'Already recorded at this session' }) attending!: boolean;
}

export class CandidateListDto {
  @ApiProperty({ type: [CandidateDto] }) items!: CandidateDto[];
}

export class QrAttendanceResultDto {
  @ApiProperty({ type: AttendeeDto }) attendee!: AttendeeDto;
  @ApiProperty({ description: 'Scanned before: nothing new was recorded' }) alreadyRecorded!: boolean;
}

export class ListAttendanceResultDto {
  @ApiProperty() recorded!: number;
  @ApiProperty() alreadyRecorded!: number;
}

export class SessionEnrolResultDto {
  @ApiProperty() enrolled!: number;
  @ApiProperty() alreadyEnrolled!: number;
}

export class MyQrDto {
  @ApiProperty({ example: 'HOCVU:AB12CD34EF56', description: 'What the QR code holds' }) payload!: string;
  @ApiProperty({ example: 'AB12-CD34-EF56', description: 'The same code, to read out or type' })
  code!: string;
  @ApiProperty() fullName!: string;
}

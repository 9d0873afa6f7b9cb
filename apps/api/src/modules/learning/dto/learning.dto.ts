import { LESSON_KINDS, LessonKind, LocalizedText, TARGET_GROUPS, TargetGroup } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

import { LessonVideoDto } from '../../video/dto/video.dto';

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt!: string;
}

export class LearnerLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: "The course's final exam: passing it is required to complete the course" })
  finalExam!: boolean;
  @ApiProperty() completed!: boolean;
  @ApiProperty({ description: 'Sequential course: the previous lesson is not complete yet' })
  locked!: boolean;
}

export class LearnerSectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty({ type: [LearnerLessonDto] }) lessons!: LearnerLessonDto[];
}

export class LearnerOutlineDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty() sequential!: boolean;
  @ApiProperty({ description: 'Share of required lessons completed, 0–100' }) progressPercent!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Where "continue" goes; null when done',
  })
  nextLessonId!: string | null;
  @ApiProperty({ type: [LearnerSectionDto] }) sections!: LearnerSectionDto[];
}

export class LearningItemDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt!: string;
  @ApiProperty() progressPercent!: number;
  @ApiProperty() completedLessons!: number;
  @ApiProperty() totalLessons!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextLessonId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) completedAt!: string | null;
}

export class LessonContentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty({ ...LOCALIZED, description: 'Sanitised article HTML per language (articles only)' })
  html!: LocalizedText;
  @ApiProperty({ type: LessonVideoDto, nullable: true, description: 'Player data (video lessons only)' })
  video!: LessonVideoDto | null;
  @ApiProperty() completed!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) previousLessonId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextLessonId!: string | null;
}

export class BulkEnrolmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  courseId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Learners of this commune (commune admins: their own only)',
  })
  @IsOptional()
  @IsUUID('all')
  communeId?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup' })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;
}

export class BulkEnrolmentResultDto {
  @ApiProperty({ description: 'Learners newly enrolled' }) enrolled!: number;
  @ApiProperty({ description: 'Learners of the cohort who were already enrolled' }) alreadyEnrolled!: number;
}

import {
  ARTICLE_BODY_MAX_LENGTH,
  COURSE_DESCRIPTION_MAX_LENGTH,
  COURSE_LEVELS,
  COURSE_STATUSES,
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  CourseLevel,
  CourseStatus,
  COVER_MAX_BYTES,
  LESSON_KINDS,
  LessonKind,
  LocalizedText,
  TARGET_GROUPS,
  TargetGroup,
} from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsLocalizedText, IsVietnamesePhone } from '../../../common/validation/validators';
import { OutlineLessonDto, OutlineSectionDto } from '../../catalogue/dto/catalogue.dto';
import { QuizSettingsDto } from '../../quizzes/dto/quiz-settings.dto';
import { LANGUAGE_CODE } from '../../users/dto/user.dto';

const LOCALIZED = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { vi: 'Kỹ năng số cơ bản', blt: '…' },
} as const;

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
}

export class CourseDetailsDto {
  @ApiPropertyOptional({ ...LOCALIZED, description: 'Title per language; vi required' })
  @IsOptional()
  @IsLocalizedText({ maxLength: COURSE_TITLE_MAX_LENGTH, requireVi: true })
  title?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: COURSE_SUMMARY_MAX_LENGTH })
  summary?: LocalizedText;

  @ApiPropertyOptional({ ...LOCALIZED, description: 'Plain text or Markdown, per language' })
  @IsOptional()
  @IsLocalizedText({ maxLength: COURSE_DESCRIPTION_MAX_LENGTH })
  description?: LocalizedText;

  @ApiPropertyOptional({ enum: COURSE_LEVELS, enumName: 'CourseLevel' })
  @IsOptional()
  @IsIn(COURSE_LEVELS)
  level?: CourseLevel;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups?: TargetGroup[];

  @ApiPropertyOptional({ type: [String], example: ['vi', 'blt'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(LANGUAGE_CODE, { each: true, message: 'languages must be language codes such as vi or blt' })
  languages?: string[];

  @ApiPropertyOptional({ description: 'Lesson n+1 opens only when lesson n is complete' })
  @IsOptional()
  @IsBoolean()
  sequential?: boolean;

  @ApiPropertyOptional({
    description: 'Share of a video (50–100 %) a learner must watch to complete it',
    example: 90,
  })
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(100)
  videoCompletionPercent?: number;
}

export class CreateCourseDto extends CourseDetailsDto {
  @ApiProperty({ ...LOCALIZED, description: 'Title per language; vi required' })
  @IsLocalizedText({ maxLength: COURSE_TITLE_MAX_LENGTH, requireVi: true })
  declare title: LocalizedText;
}

export class UpdateCourseDto extends CourseDetailsDto {}

export class SectionTitleDto {
  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: COURSE_TITLE_MAX_LENGTH, requireVi: true })
  title!: LocalizedText;
}

export class CreateLessonDto {
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' })
  @IsIn(LESSON_KINDS)
  kind!: LessonKind;

  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: COURSE_TITLE_MAX_LENGTH, requireVi: true })
  title!: LocalizedText;

  // Defaults are described, not declared as OpenAPI `default`s: the typed client would make them mandatory.
  @ApiPropertyOptional({ description: 'Defaults to true' })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 600, description: 'Defaults to 5' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  estimatedMinutes?: number;
}

export class UpdateLessonDto {
  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: COURSE_TITLE_MAX_LENGTH, requireVi: true })
  title?: LocalizedText;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  estimatedMinutes?: number;

  @ApiPropertyOptional({ ...LOCALIZED, description: 'Article body in Markdown, per language' })
  @IsOptional()
  @IsLocalizedText({ maxLength: ARTICLE_BODY_MAX_LENGTH })
  body?: LocalizedText;
}

export class SectionOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  lessonIds!: string[];
}

export class CourseOrderDto {
  @ApiProperty({ type: [SectionOrderDto], description: 'The complete new order of all sections and lessons' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SectionOrderDto)
  sections!: SectionOrderDto[];
}

export class AddCoTeacherDto {
  @ApiProperty({ example: '0911000003' })
  @IsString()
  @IsVietnamesePhone()
  phone!: string;
}

export class StudioCourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty({ enum: COURSE_STATUSES, enumName: 'CourseStatus' }) status!: CourseStatus;
  @ApiProperty({ type: Number, nullable: true }) publishedVersion!: number | null;
  @ApiProperty() hasUnpublishedChanges!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class StudioCourseListDto {
  @ApiProperty({ type: [StudioCourseSummaryDto] }) items!: StudioCourseSummaryDto[];
}

export class StudioCourseDto extends StudioCourseSummaryDto {
  @ApiProperty(LOCALIZED) summary!: LocalizedText;
  @ApiProperty(LOCALIZED) description!: LocalizedText;
  @ApiProperty({ enum: COURSE_LEVELS, enumName: 'CourseLevel' }) level!: CourseLevel;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', isArray: true }) targetGroups!: TargetGroup[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() sequential!: boolean;
  @ApiProperty() videoCompletionPercent!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Cover image of the draft (public URL)' })
  coverUrl!: string | null;
  @ApiProperty({ type: PersonRefDto }) owner!: PersonRefDto;
  @ApiProperty({ type: [PersonRefDto] }) coTeachers!: PersonRefDto[];
  /** The draft's sections and lessons: the same fields a published outline carries. */
  @ApiProperty({ type: [OutlineSectionDto] }) sections!: OutlineSectionDto[];
}

export class StudioLessonDto extends OutlineLessonDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ ...LOCALIZED, description: 'Markdown per language (articles)' }) body!: LocalizedText;
  @ApiProperty({ ...LOCALIZED, description: 'Sanitised HTML rendered from body, as learners will see it' })
  previewHtml!: LocalizedText;
  @ApiProperty({ type: QuizSettingsDto, nullable: true, description: 'Quiz lessons: null until set' })
  quiz!: QuizSettingsDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why this quiz cannot be published yet (no settings, or too few bank questions for its pools)',
  })
  quizProblem!: string | null;
}

export class CourseVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) publishedBy!: PersonRefDto | null;
}

export class CoverImageDto {
  @ApiProperty({ description: 'The image file (JPEG, PNG or WebP, ≤ 1 MB, ≥ 320×180) in base64' })
  @IsString()
  @MaxLength(Math.ceil((COVER_MAX_BYTES * 4) / 3) + 4)
  image!: string;
}

import {
  COURSE_LEVELS,
  CourseLevel,
  LESSON_KINDS,
  LessonKind,
  LocalizedText,
  TARGET_GROUPS,
  TargetGroup,
} from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { PageQueryDto } from '../../../common/pagination';
import { Trim } from '../../../common/validation/validators';
import { LANGUAGE_CODE } from '../../users/dto/user.dto';

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class CatalogueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Search words; diacritics and small typos do not matter',
    maxLength: 100,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup' })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ example: 'vi' })
  @IsOptional()
  @Matches(LANGUAGE_CODE)
  language?: string;

  @ApiPropertyOptional({ enum: COURSE_LEVELS, enumName: 'CourseLevel' })
  @IsOptional()
  @IsIn(COURSE_LEVELS)
  level?: CourseLevel;
}

export class CatalogueCourseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty(LOCALIZED) summary!: LocalizedText;
  @ApiProperty({ enum: COURSE_LEVELS, enumName: 'CourseLevel' }) level!: CourseLevel;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', isArray: true }) targetGroups!: TargetGroup[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty() lessonCount!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Cover image (public, immutable URL)' })
  coverUrl!: string | null;
}

export class CataloguePageDto {
  @ApiProperty({ type: [CatalogueCourseDto] }) items!: CatalogueCourseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class OutlineLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty() required!: boolean;
  @ApiProperty() estimatedMinutes!: number;
  @ApiPropertyOptional({ description: "true for the course's final exam (a quiz lesson)" })
  finalExam?: boolean;
}

export class OutlineSectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(LOCALIZED) title!: LocalizedText;
  @ApiProperty({ type: [OutlineLessonDto] }) lessons!: OutlineLessonDto[];
}

export class CoursePageDto extends CatalogueCourseDto {
  @ApiProperty({ ...LOCALIZED, description: 'Markdown source per language' }) description!: LocalizedText;
  @ApiProperty({ ...LOCALIZED, description: 'The description rendered to sanitised HTML per language' })
  descriptionHtml!: LocalizedText;
  @ApiProperty() sequential!: boolean;
  @ApiProperty({ description: 'Published version shown' }) version!: number;
  @ApiProperty({ type: [OutlineSectionDto] }) sections!: OutlineSectionDto[];
}

import { QUESTION_TYPES, QuestionType } from '@hocvu/assessment';
import { LocalizedText } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;
const OPTION = {
  type: 'object' as const,
  properties: { id: { type: 'string' as const }, text: LOCALIZED },
  required: ['id', 'text'],
};

/**
 * A question as the teacher writes it, with its answer. The shape depends on `type`; this DTO
 * checks the envelope and @hocvu/assessment's `questionProblems` checks the rest (options, ids,
 * a correct answer that fits, lengths, Vietnamese text), so the studio and the CSV import agree.
 */
export class QuestionBodyDto {
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty({ ...LOCALIZED, description: 'Question per language; vi required' })
  @IsObject()
  text!: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsObject()
  explanation?: LocalizedText;

  @ApiProperty({ type: [String], description: 'Pool tags, e.g. "VNeID", "an toàn"' })
  @IsArray()
  tags!: string[];

  @ApiPropertyOptional({ type: 'array', items: OPTION, description: 'Choice and ordering questions' })
  @IsOptional()
  @IsArray()
  options?: { id: string; text: LocalizedText }[];

  @ApiPropertyOptional({ description: 'single_choice' })
  @IsOptional()
  @IsString()
  correctOptionId?: string;

  @ApiPropertyOptional({ type: [String], description: 'multiple_choice' })
  @IsOptional()
  @IsArray()
  correctOptionIds?: string[];

  @ApiPropertyOptional({ description: 'true_false' })
  @IsOptional()
  @IsBoolean()
  correctAnswer?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'ordering: every option id once, in order' })
  @IsOptional()
  @IsArray()
  correctOrder?: string[];

  @ApiPropertyOptional({ description: 'multiple_choice and ordering: partial credit' })
  @IsOptional()
  @IsBoolean()
  partialCredit?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'short_text' })
  @IsOptional()
  @IsArray()
  acceptedAnswers?: string[];

  @ApiPropertyOptional({ description: 'short_text: also accept answers typed without diacritics' })
  @IsOptional()
  @IsBoolean()
  diacriticInsensitive?: boolean;
}

export class QuestionDto extends QuestionBodyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class QuestionListDto {
  @ApiProperty({ type: [QuestionDto] }) items!: QuestionDto[];
  @ApiProperty({ type: [String], description: 'Every tag used in this course, for pool settings' })
  tags!: string[];
}

export class QuestionImportDto {
  @ApiProperty({ description: 'The CSV template file as text (UTF-8); see docs/api.md for the columns' })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000_000)
  csv!: string;
}

export class QuestionImportErrorDto {
  @ApiProperty({ description: 'Spreadsheet row (header = 1)' }) row!: number;
  @ApiProperty() message!: string;
}

export class QuestionImportResultDto {
  @ApiProperty({ description: 'Questions added from the valid rows' }) imported!: number;
  @ApiProperty({ type: [QuestionImportErrorDto] }) errors!: QuestionImportErrorDto[];
}

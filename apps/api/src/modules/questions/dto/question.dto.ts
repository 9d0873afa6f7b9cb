import {
  QUESTION_IMPORT_CSV_MAX_LENGTH,
  QUESTION_IMPORT_XLSX_MAX_BYTES,
  QUESTION_TYPES,
  QuestionType,
} from '@hocvu/assessment';
import { LocalizedText, QUESTION_IMAGE_MAX_BYTES } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
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

  @ApiPropertyOptional({
    type: 'object',
    properties: { key: { type: 'string' }, alt: LOCALIZED },
    required: ['key', 'alt'],
    description: 'An image uploaded with POST …/question-images, and its description per language',
  })
  @IsOptional()
  @IsObject()
  image?: { key: string; alt: LocalizedText };

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

/** Base64 length of the largest workbook accepted. */
export const XLSX_BASE64_MAX_LENGTH = Math.ceil(QUESTION_IMPORT_XLSX_MAX_BYTES / 3) * 4;

/** The template file, as CSV text or as an XLSX workbook in base64: exactly one of the two. */
export class QuestionImportDto {
  @ApiPropertyOptional({
    description: 'The CSV template file as text (UTF-8); see docs/api.md for the columns. Or send `xlsx`.',
    maxLength: QUESTION_IMPORT_CSV_MAX_LENGTH,
  })
  // Required unless the workbook is sent instead.
  @ValidateIf((body: QuestionImportDto) => body.csv !== undefined || body.xlsx === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(QUESTION_IMPORT_CSV_MAX_LENGTH)
  csv?: string;

  @ApiPropertyOptional({
    description:
      'The same template as an XLSX workbook (first worksheet), in base64, at most 5 MB decoded. Or send `csv`.',
    maxLength: XLSX_BASE64_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @IsBase64()
  @MaxLength(XLSX_BASE64_MAX_LENGTH)
  @NotTogetherWith('csv')
  xlsx?: string;
}

/** Rule `notTogetherWith`: this field and `other` must not both be sent. */
function NotTogetherWith(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notTogetherWith',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options: { message: `send either $property or ${other}, not both` },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
      },
    });
}

export class QuestionImportErrorDto {
  @ApiProperty({ description: 'Spreadsheet row (header = 1)' }) row!: number;
  @ApiProperty() message!: string;
}

export class QuestionImportResultDto {
  @ApiProperty({ description: 'Questions added from the valid rows' }) imported!: number;
  @ApiProperty({ type: [QuestionImportErrorDto] }) errors!: QuestionImportErrorDto[];
}

export class QuestionImageUploadDto {
  @ApiProperty({ description: 'The image (JPEG, PNG or WebP, ≤ 1 MB, ≥ 64×64) in base64' })
  @IsString()
  @MaxLength(Math.ceil((QUESTION_IMAGE_MAX_BYTES * 4) / 3) + 4)
  image!: string;
}

export class UploadedQuestionImageDto {
  @ApiProperty({ description: 'Storage key to put in the question as image.key' }) key!: string;
  @ApiProperty({ description: 'Public URL of the image' }) url!: string;
}

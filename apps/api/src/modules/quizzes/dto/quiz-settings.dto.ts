import {
  QUIZ_MAX_ATTEMPTS,
  QUIZ_MAX_COOLDOWN_MINUTES,
  QUIZ_MAX_POOLS,
  QUIZ_MAX_QUESTIONS,
  QUIZ_MAX_TIME_LIMIT_MINUTES,
  QuizFeedback,
} from '@hocvu/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const FEEDBACK = Object.values(QuizFeedback);

export class QuizPoolDto {
  @ApiProperty({ description: 'Draw among the bank questions with this tag', example: 'VNeID' })
  @IsString()
  @MaxLength(40)
  tag!: string;

  @ApiProperty({ minimum: 1, maximum: QUIZ_MAX_QUESTIONS, example: 5 })
  @IsInt()
  @Min(1)
  @Max(QUIZ_MAX_QUESTIONS)
  count!: number;
}

/** A quiz lesson's settings, as the studio edits them. */
export class QuizSettingsDto {
  @ApiProperty({ type: [QuizPoolDto], description: 'Pools in the order their questions appear (unshuffled)' })
  @ValidateNested({ each: true })
  @Type(() => QuizPoolDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(QUIZ_MAX_POOLS)
  pools!: QuizPoolDto[];

  @ApiProperty() @IsBoolean() shuffleQuestions!: boolean;
  @ApiProperty() @IsBoolean() shuffleOptions!: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: QUIZ_MAX_TIME_LIMIT_MINUTES })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(QUIZ_MAX_TIME_LIMIT_MINUTES)
  timeLimitMinutes!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: QUIZ_MAX_ATTEMPTS })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(QUIZ_MAX_ATTEMPTS)
  attemptsAllowed!: number | null;

  @ApiProperty({ minimum: 0, maximum: QUIZ_MAX_COOLDOWN_MINUTES })
  @IsInt()
  @Min(0)
  @Max(QUIZ_MAX_COOLDOWN_MINUTES)
  cooldownMinutes!: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  passingPercent!: number;

  @ApiProperty({ enum: FEEDBACK, enumName: 'QuizFeedback' })
  @IsIn(FEEDBACK)
  feedback!: QuizFeedback;
}

export class UpdateQuizDto extends QuizSettingsDto {
  @ApiProperty({ description: "The course's final exam (at most one per course; another loses the flag)" })
  @IsBoolean()
  finalExam!: boolean;
}

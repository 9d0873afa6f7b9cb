import { AttemptStatus, LocalizedText, QuizFeedback } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;
const STATUSES = Object.values(AttemptStatus);
const FEEDBACK = Object.values(QuizFeedback);
const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'true_false', 'ordering', 'short_text'];

export class QuestionOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty(LOCALIZED) text!: LocalizedText;
}

export class QuestionImageDto {
  @ApiProperty() key!: string;
  @ApiProperty(LOCALIZED) alt!: LocalizedText;
}

/** A question as a learner sees it: never its answer, explanation or tags (see toLearnerView). */
export class LearnerQuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' }) type!: string;
  @ApiProperty(LOCALIZED) text!: LocalizedText;
  @ApiPropertyOptional({ type: QuestionImageDto }) image?: QuestionImageDto;
  @ApiPropertyOptional({
    type: [QuestionOptionDto],
    description: 'Choice and ordering questions; ordering items are shuffled',
  })
  options?: QuestionOptionDto[];
  @ApiPropertyOptional({ description: 'Short-text questions' }) maxLength?: number;
  @ApiPropertyOptional({ description: 'Short-text questions: answers without diacritics count' })
  diacriticInsensitive?: boolean;
}

/**
 * A learner's answer (the shape depends on the question type; exactly one field):
 * single_choice `{ optionId }`, multiple_choice `{ optionIds }`, true_false `{ value }`,
 * ordering `{ order }`, short_text `{ text }`. An optional `type` must match the question's.
 */
export class AnswerPayloadDto {
  @ApiPropertyOptional({ enum: QUESTION_TYPES, enumName: 'QuestionType' }) type?: string;
  @ApiPropertyOptional() optionId?: string;
  @ApiPropertyOptional({ type: [String] }) optionIds?: string[];
  @ApiPropertyOptional() value?: boolean;
  @ApiPropertyOptional({ type: [String] }) order?: string[];
  @ApiPropertyOptional() text?: string;
}

export class SaveAnswerDto {
  @ApiProperty({ type: AnswerPayloadDto })
  // Checked against the question by @hocvu/assessment's checkAnswer (its shape depends on the type).
  @IsObject()
  answer!: AnswerPayloadDto;

  @ApiPropertyOptional({
    description: 'Time spent on this question since the last save, in ms',
    maximum: 3_600_000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  timeSpentMs?: number;
}

/** Whether an answer was right, and why — only when the quiz's feedback policy allows. */
export class QuestionFeedbackDto {
  @ApiProperty() correct!: boolean;
  @ApiProperty({ description: '0–1' }) score!: number;
  @ApiProperty({
    type: AnswerPayloadDto,
    description: 'The correct answer (first accepted one for short text)',
  })
  correctAnswer!: AnswerPayloadDto;
  @ApiPropertyOptional(LOCALIZED) explanation?: LocalizedText;
}

export class AttemptQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: LearnerQuestionDto }) question!: LearnerQuestionDto;
  @ApiProperty({ type: AnswerPayloadDto, nullable: true, description: 'The saved answer' })
  answer!: AnswerPayloadDto | null;
  @ApiProperty({ description: 'Answer final (feedback already shown after answering)' }) locked!: boolean;
  @ApiProperty({ type: QuestionFeedbackDto, nullable: true }) feedback!: QuestionFeedbackDto | null;
}

export class AttemptResultDto {
  @ApiProperty() points!: number;
  @ApiProperty() maxPoints!: number;
  @ApiProperty({ description: 'Rounded down to one decimal' }) percent!: number;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) finishedAt!: string;
  @ApiProperty({ description: 'The course is complete (now or before)' }) courseCompleted!: boolean;
}

export class AttemptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: STATUSES, enumName: 'AttemptStatus' }) status!: AttemptStatus;
  @ApiProperty({ enum: FEEDBACK, enumName: 'QuizFeedback' }) feedback!: QuizFeedback;
  @ApiProperty() passingPercent!: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Whole seconds left by the server's clock (null: no time limit; 0 once finished)",
  })
  remainingSeconds!: number | null;
  @ApiProperty({ type: [AttemptQuestionDto] }) questions!: AttemptQuestionDto[];
  @ApiProperty({ type: AttemptResultDto, nullable: true }) result!: AttemptResultDto | null;
}

export class SavedAnswerDto {
  @ApiProperty({ type: String, format: 'date-time' }) savedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) remainingSeconds!: number | null;
  @ApiProperty({ type: QuestionFeedbackDto, nullable: true, description: 'Feedback policy after_each only' })
  feedback!: QuestionFeedbackDto | null;
}

export class AttemptSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: STATUSES, enumName: 'AttemptStatus' }) status!: AttemptStatus;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed!: boolean | null;
}

/** What the quiz lesson page shows before (or between) attempts. */
export class QuizOverviewDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() finalExam!: boolean;
  @ApiProperty() questionCount!: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) attemptsAllowed!: number | null;
  @ApiProperty() attemptsUsed!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: unlimited' }) attemptsLeft!: number | null;
  @ApiProperty() cooldownMinutes!: number;
  @ApiProperty() passingPercent!: number;
  @ApiProperty({ enum: FEEDBACK, enumName: 'QuizFeedback' }) feedback!: QuizFeedback;
  @ApiProperty({ description: 'A passed attempt completed this lesson' }) passed!: boolean;
  @ApiProperty({ type: Number, nullable: true }) bestPercent!: number | null;
  @ApiProperty({ description: 'A new attempt may start now (or the open one resumes)' }) canStart!: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['no_attempts_left', 'cooling_down'] })
  blockedReason!: 'no_attempts_left' | 'cooling_down' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retryAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) openAttemptId!: string | null;
  @ApiProperty({ type: [AttemptSummaryDto] }) attempts!: AttemptSummaryDto[];
}

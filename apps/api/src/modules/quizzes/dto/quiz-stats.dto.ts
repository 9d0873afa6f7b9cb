import { LocalizedText } from '@hocvu/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class ScoreBucketDto {
  @ApiProperty({ description: 'Lowest percent in the bucket (0, 10, … 90; the last bucket includes 100)' })
  from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() count!: number;
}

export class QuestionStatDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'Current text in the bank; null when the question has since been deleted',
  })
  text!: LocalizedText | null;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'Finished attempts that drew this question' }) attempts!: number;
  @ApiProperty({ description: 'Of those, answered at all' }) answered!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share fully correct, 0–100, one decimal' })
  correctPercent!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean score 0–1 (partial credit counts)' })
  averageScore!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean seconds spent, over answered draws' })
  averageSeconds!: number | null;
}

export class QuizStatsDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ description: 'Finished attempts' }) attempts!: number;
  @ApiProperty() learners!: number;
  @ApiProperty() passedAttempts!: number;
  @ApiProperty({ type: Number, nullable: true }) averagePercent!: number | null;
  @ApiProperty({ type: [ScoreBucketDto] }) distribution!: ScoreBucketDto[];
  @ApiProperty({ type: [QuestionStatDto], description: 'Hardest first (lowest share correct)' })
  questions!: QuestionStatDto[];
}

import { Module } from '@nestjs/common';

import { LearningModule } from '../learning/learning.module';
import { AnswerWriter } from './answer-writer';
import { AttemptInserter } from './attempt-inserter';
import { AttemptsController } from './attempts.controller';
import { AttemptsService } from './attempts.service';
import { QuizStatsController } from './quiz-stats.controller';
import { QuizStatsService } from './quiz-stats.service';
import { StartContextLoader } from './start-context-loader';

@Module({
  imports: [LearningModule],
  controllers: [AttemptsController, QuizStatsController],
  providers: [AttemptsService, AnswerWriter, AttemptInserter, StartContextLoader, QuizStatsService],
})
export class QuizzesModule {}

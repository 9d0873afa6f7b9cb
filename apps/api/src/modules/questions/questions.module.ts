import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { LanguagesModule } from '../languages/languages.module';
import { QuestionBankController } from './question-bank.controller';
import { QuestionBankService } from './question-bank.service';

@Module({
  imports: [AuditModule, LanguagesModule],
  controllers: [QuestionBankController],
  providers: [QuestionBankService],
  exports: [QuestionBankService],
})
export class QuestionsModule {}

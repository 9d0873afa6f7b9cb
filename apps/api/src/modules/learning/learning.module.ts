import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { LearningController } from './learning.controller';
import { LearningService } from './learning.service';

@Module({
  imports: [AuditModule],
  controllers: [LearningController],
  providers: [LearningService],
})
export class LearningModule {}

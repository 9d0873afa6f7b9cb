import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { PublishedOutlineCache } from '../catalogue/published-outline';
import { VideoModule } from '../video/video.module';
import { LearningController } from './learning.controller';
import { LearningService } from './learning.service';

@Module({
  imports: [AuditModule, VideoModule],
  controllers: [LearningController],
  providers: [LearningService, PublishedOutlineCache],
  exports: [LearningService],
})
export class LearningModule {}

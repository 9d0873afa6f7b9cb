import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { CommunitySessionsController, MyQrController } from './community-sessions.controller';
import { CommunitySessionsService } from './community-sessions.service';
import { LearnerQrService } from './learner-qr.service';

/** Community sessions, their attendance, and learners' attendance QR codes (docs/campaign.md). */
@Module({
  imports: [AuditModule],
  controllers: [CommunitySessionsController, MyQrController],
  providers: [CommunitySessionsService, LearnerQrService],
})
export class CommunitySessionsModule {}

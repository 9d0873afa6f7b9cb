import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';

/** Bulk import of learners from class and staff lists, and their enrolment (docs/campaign.md). */
@Module({
  imports: [AuditModule, UsersModule],
  controllers: [RostersController],
  providers: [RostersService],
})
export class RostersModule {}

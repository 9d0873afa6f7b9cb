import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { CampaignController } from './campaign.controller';
import { CampaignService } from './campaign.service';

/** The campaign's numbers: dashboards from maintained aggregates, and yearly targets. */
@Module({
  imports: [AuditModule],
  controllers: [CampaignController],
  providers: [CampaignService],
})
export class CampaignModule {}

import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { VneidController } from './vneid.controller';
import { VneidService } from './vneid.service';
import { VneidFlows } from './vneid-flows';

/** "Sign in with VNeID" and linking VNeID to an account (OpenID Connect; docs/vneid-adapter.md). */
@Module({
  imports: [AuthModule, UsersModule, AuditModule],
  controllers: [VneidController],
  providers: [VneidService, VneidFlows],
})
export class VneidModule {}

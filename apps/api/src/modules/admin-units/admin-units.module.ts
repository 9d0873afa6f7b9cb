import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '../audit/audit.module';
import { AdminUnit } from './admin-unit.entity';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUnitsService } from './admin-units.service';
import { VillagesController } from './villages.controller';
import { VillagesService } from './villages.service';

@Module({
  imports: [TypeOrmModule.forFeature([AdminUnit]), AuditModule],
  controllers: [AdminUnitsController, VillagesController],
  providers: [AdminUnitsService, VillagesService],
  exports: [AdminUnitsService],
})
export class AdminUnitsModule {}

import { FieldCipher } from '@hocvu/server-kit';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApiConfig } from '../../config/api-config';
import { AdminUnit } from '../admin-units/admin-unit.entity';
import { AuditModule } from '../audit/audit.module';
import { EncryptionKeyCheck } from './encryption-key-check';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AdminUnit]), AuditModule],
  controllers: [MeController, UsersController],
  providers: [
    UsersService,
    EncryptionKeyCheck,
    PasswordHasher,
    {
      provide: FieldCipher,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) =>
        new FieldCipher(
          config.DATA_ENCRYPTION_KEYS,
          config.DATA_ENCRYPTION_ACTIVE_KEY_ID,
          config.DATA_LOOKUP_KEY_ID,
        ),
    },
  ],
  exports: [UsersService, PasswordHasher, FieldCipher],
})
export class UsersModule {}

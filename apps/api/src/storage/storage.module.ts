import { createStorage, ObjectStorage } from '@hocvu/server-kit';
import { Global, Module } from '@nestjs/common';

import { ApiConfig } from '../config/api-config';

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
export type { ObjectStorage };

/** The configured storage driver (local folder or S3), shared by every module. */
@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => createStorage(config),
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}

import { createStorage } from '@hocvu/server-kit';
import { Provider } from '@nestjs/common';

import { WorkerConfig } from '../../config/worker-config';

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

export const storageProvider: Provider = {
  provide: OBJECT_STORAGE,
  inject: [WorkerConfig],
  useFactory: (config: WorkerConfig) => createStorage(config),
};

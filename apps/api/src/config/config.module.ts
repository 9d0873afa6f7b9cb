import { loadConfig } from '@hocvu/server-kit';
import { DynamicModule, Global, Module } from '@nestjs/common';

import { ApiConfig } from './api-config';

/** Provides the validated ApiConfig everywhere. Tests pass their own env; main passes process.env. */
@Global()
@Module({})
export class ApiConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
    };
  }

  static load(env: Record<string, string | undefined>): ApiConfig {
    return loadConfig(ApiConfig, env);
  }
}

import 'reflect-metadata';

import { ConfigError } from '@hocvu/server-kit';

import { ApiConfigModule } from './config/config.module';
import { createApp } from './create-app';
import { loadDotEnv } from './load-dotenv';

async function main(): Promise<void> {
  loadDotEnv();
  const config = ApiConfigModule.load(process.env);
  const app = await createApp(config);
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  console.log(`Hocvu API listening on http://${config.API_HOST}:${config.API_PORT}/api (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Hocvu API failed to start:', error);
  }
  process.exit(1);
});

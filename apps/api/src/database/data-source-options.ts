import { DataSourceOptions } from 'typeorm';

// migrations/ is the top-level folder of reviewed SQL migrations, compiled into the API build; it is
// not an Nx project, so the boundary rule cannot name it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';

/** One place that says how the API talks to PostgreSQL; used by the app, the CLI and tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Each migration in its own transaction: a failing one leaves the schema at the previous step.
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize, application_name: 'hocvu-api' },
  };
}

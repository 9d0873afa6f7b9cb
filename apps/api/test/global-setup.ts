import { createTestResources, exportTestResources } from '@hocvu/server-kit/testing';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see data-source-options.ts)
import { MIGRATIONS } from '../../../migrations';

/** One fresh database (migrated) and Redis prefix for this run of the API specs. */
export default async function globalSetup(): Promise<void> {
  exportTestResources(await createTestResources('api', MIGRATIONS));
}

// Jest loads globalSetup/globalTeardown without moduleNameMapper, hence the relative path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestResources, exportTestResources } from '../../../packages/server-kit/src/testing';

import { MIGRATIONS } from '../../../migrations';

/** One fresh database (migrated) and Redis prefix for this run of the API specs. */
export default async function globalSetup(): Promise<void> {
  exportTestResources(await createTestResources('api', MIGRATIONS));
}

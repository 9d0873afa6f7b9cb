// Jest loads globalSetup/globalTeardown without moduleNameMapper, hence the relative path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { dropTestResources, importTestResources } from '../../../packages/server-kit/src/testing';

export default async function globalTeardown(): Promise<void> {
  if (process.env['HOCVU_KEEP_TEST_DB']) return;
  await dropTestResources(importTestResources());
}

import { dropTestResources, importTestResources } from '@hocvu/server-kit/testing';

export default async function globalTeardown(): Promise<void> {
  if (process.env['HOCVU_KEEP_TEST_DB']) return;
  await dropTestResources(importTestResources());
}

import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

import { describeObjectStorage } from './object-storage.contract';
import { S3Storage } from './s3-storage';

/**
 * The S3 driver against an S3-compatible server speaking the real protocol over HTTP (s3rver,
 * in-process), so requests, ranges, listing and deletion go through the AWS SDK as in production.
 */
const root = mkdtempSync(join(tmpdir(), 'hocvu-s3-'));
const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(root, 'data') });
let storage: S3Storage | undefined;

beforeAll(async () => {
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  await new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials }).send(
    new CreateBucketCommand({ Bucket: 'hocvu' }),
  );
  storage = new S3Storage({
    bucket: 'hocvu',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    prefix: 'dien-bien',
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describeObjectStorage('S3Storage over the S3 protocol', () => storage as S3Storage);

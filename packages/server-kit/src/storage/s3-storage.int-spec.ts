import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';

import { mediaContentType, StorageNotFoundError } from './object-storage';
import { S3Storage } from './s3-storage';

/**
 * The S3 driver against an S3-compatible server speaking the real protocol over HTTP (s3rver,
 * in-process), so requests, ranges, listing and deletion go through the AWS SDK as in production.
 */
describe('S3Storage (integration, S3 protocol)', () => {
  const root = mkdtempSync(join(tmpdir(), 'hocvu-s3-'));
  let server: S3rver;
  let storage: S3Storage;

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(root, 'data') });
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

  it('writes, stats and reads objects and byte ranges', async () => {
    await storage.write('captions/l1/vi-abc.vtt', 'WEBVTT\n\nXin chào bà con', 'text/vtt');
    expect((await storage.stat('captions/l1/vi-abc.vtt'))?.size).toBe(
      Buffer.byteLength('WEBVTT\n\nXin chào bà con'),
    );
    expect(await text(await storage.read('captions/l1/vi-abc.vtt'))).toBe('WEBVTT\n\nXin chào bà con');
    expect(await text(await storage.read('captions/l1/vi-abc.vtt', { start: 0, end: 5 }))).toBe('WEBVTT');
    expect(await storage.stat('captions/l1/none.vtt')).toBeNull();
    await expect(storage.read('captions/l1/none.vtt')).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it('uploads a local file and a rendition folder, downloads, and deletes by prefix', async () => {
    const file = join(root, 'source.mp4');
    writeFileSync(file, Buffer.alloc(300_000, 1));
    await storage.putFile('sources/a1/source', file, { move: true, contentType: 'video/mp4' });
    await storage.downloadToFile('sources/a1/source', join(root, 'back.mp4'));
    expect((await storage.stat('sources/a1/source'))?.size).toBe(300_000);

    const out = join(root, 'out');
    mkdirSync(join(out, '360p'), { recursive: true });
    writeFileSync(join(out, 'master.m3u8'), '#EXTM3U');
    writeFileSync(join(out, '360p', 'seg_00000.ts'), 'ts');
    await storage.uploadDirectory(out, 'videos/a1/g1', mediaContentType);
    expect(await text(await storage.read('videos/a1/g1/master.m3u8'))).toBe('#EXTM3U');
    expect(await storage.stat('videos/a1/g1/360p/seg_00000.ts')).not.toBeNull();

    await storage.deletePrefix('videos/a1');
    expect(await storage.stat('videos/a1/g1/master.m3u8')).toBeNull();
    expect(await storage.stat('sources/a1/source')).not.toBeNull();
  });
});

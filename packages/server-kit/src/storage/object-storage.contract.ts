import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';

import { mediaContentType, ObjectStorage, StorageNotFoundError } from './object-storage';

/**
 * What every storage driver must do, as Jest tests: the local driver's unit spec and the S3
 * driver's protocol-level spec both run it, so the two cannot drift apart.
 */
export function describeObjectStorage(name: string, make: () => ObjectStorage): void {
  describe(`${name}: the ObjectStorage contract`, () => {
    let scratch: string;
    let storage: ObjectStorage;

    beforeAll(() => {
      storage = make();
    });
    beforeEach(() => {
      scratch = mkdtempSync(join(tmpdir(), 'hocvu-storage-contract-'));
    });
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));

    it('writes, stats and reads objects and byte ranges', async () => {
      const caption = 'WEBVTT\n\nXin chào bà con';
      await storage.write('captions/l1/vi-abc.vtt', caption, 'text/vtt');
      expect((await storage.stat('captions/l1/vi-abc.vtt'))?.size).toBe(Buffer.byteLength(caption));
      expect(await text(await storage.read('captions/l1/vi-abc.vtt'))).toBe(caption);
      expect(await text(await storage.read('captions/l1/vi-abc.vtt', { start: 0, end: 5 }))).toBe('WEBVTT');
      expect(await storage.stat('captions/l1/none.vtt')).toBeNull();
      await expect(storage.read('captions/l1/none.vtt')).rejects.toBeInstanceOf(StorageNotFoundError);
    });

    it('stores a local file, copies it back out, publishes a folder and deletes by prefix', async () => {
      const file = join(scratch, 'source.mp4');
      writeFileSync(file, Buffer.alloc(300_000, 1));
      await storage.putFile('sources/a1/source', file, { move: true, contentType: 'video/mp4' });
      await storage.downloadToFile('sources/a1/source', join(scratch, 'back.mp4'));
      expect((await storage.stat('sources/a1/source'))?.size).toBe(300_000);

      const out = join(scratch, 'out');
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

    it.each(['../etc/passwd', 'videos/../../x', '/abs', 'a//b', 'a\\b', ''])(
      'refuses the unsafe key %p',
      async (key) => {
        await expect(storage.stat(key)).rejects.toThrow(/Unsafe storage key/);
      },
    );
  });
}

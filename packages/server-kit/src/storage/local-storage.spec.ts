import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';

import { LocalStorage } from './local-storage';
import { mediaContentType, StorageNotFoundError } from './object-storage';

describe('LocalStorage', () => {
  let root: string;
  let storage: LocalStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hocvu-storage-'));
    storage = new LocalStorage(join(root, 'store'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes, stats and reads whole objects and byte ranges', async () => {
    await storage.write('captions/l1/vi-abc.vtt', 'WEBVTT\n\nXin chào bà con', 'text/vtt');
    expect((await storage.stat('captions/l1/vi-abc.vtt'))?.size).toBe(
      Buffer.byteLength('WEBVTT\n\nXin chào bà con'),
    );
    expect(await text(await storage.read('captions/l1/vi-abc.vtt'))).toBe('WEBVTT\n\nXin chào bà con');
    expect(await text(await storage.read('captions/l1/vi-abc.vtt', { start: 0, end: 5 }))).toBe('WEBVTT');
    expect(await storage.stat('captions/l1/none.vtt')).toBeNull();
    await expect(storage.read('captions/l1/none.vtt')).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it('moves a file in (rename, no copy) and copies it out', async () => {
    const upload = join(root, 'store', '.uploads', 'u1');
    mkdirSync(join(root, 'store', '.uploads'), { recursive: true });
    writeFileSync(upload, 'video bytes');
    await storage.putFile('sources/a1/source', upload, { move: true });
    expect(readdirSync(join(root, 'store', '.uploads'))).toEqual([]);
    await storage.downloadToFile('sources/a1/source', join(root, 'copy'));
    expect(await text(await storage.read('sources/a1/source'))).toBe('video bytes');
  });

  it('publishes a folder whole under a prefix and replaces an earlier attempt', async () => {
    const build = (content: string) => {
      const dir = mkdtempSync(join(root, 'out-'));
      mkdirSync(join(dir, '360p'));
      writeFileSync(join(dir, 'master.m3u8'), content);
      writeFileSync(join(dir, '360p', 'seg_00000.ts'), 'ts');
      return dir;
    };
    await storage.uploadDirectory(build('#EXTM3U first'), 'videos/a1/g1', mediaContentType);
    await storage.uploadDirectory(build('#EXTM3U second'), 'videos/a1/g1', mediaContentType);
    expect(await text(await storage.read('videos/a1/g1/master.m3u8'))).toBe('#EXTM3U second');
    expect(await storage.stat('videos/a1/g1/360p/seg_00000.ts')).not.toBeNull();
    // Nothing left staged beside the published folder.
    expect(readdirSync(join(root, 'store', '.staging'))).toEqual([]);
    await storage.deletePrefix('videos/a1');
    expect(await storage.stat('videos/a1/g1/master.m3u8')).toBeNull();
  });

  it.each(['../etc/passwd', 'videos/../../x', '/abs', 'a//b', 'a\\b', ''])(
    'refuses the unsafe key %p',
    async (key) => {
      await expect(storage.stat(key)).rejects.toThrow(/Unsafe storage key/);
    },
  );

  it('names the content types players and browsers expect', () => {
    expect(mediaContentType('master.m3u8')).toBe('application/vnd.apple.mpegurl');
    expect(mediaContentType('360p/seg_00001.ts')).toBe('video/mp2t');
    expect(mediaContentType('poster.jpg')).toBe('image/jpeg');
    expect(mediaContentType('vi-1.vtt')).toBe('text/vtt; charset=utf-8');
  });
});

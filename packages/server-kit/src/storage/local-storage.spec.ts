import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';

import { LocalStorage } from './local-storage';
import { mediaContentType } from './object-storage';
import { describeObjectStorage } from './object-storage.contract';

const contractRoot = mkdtempSync(join(tmpdir(), 'hocvu-local-contract-'));
afterAll(() => rmSync(contractRoot, { recursive: true, force: true }));
describeObjectStorage('LocalStorage', () => new LocalStorage(contractRoot));

describe('LocalStorage specifics', () => {
  let root: string;
  let storage: LocalStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hocvu-storage-'));
    storage = new LocalStorage(join(root, 'store'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('moves a file on the same disk instead of copying it', async () => {
    mkdirSync(join(root, 'store', '.uploads'), { recursive: true });
    const upload = join(root, 'store', '.uploads', 'u1');
    writeFileSync(upload, 'video bytes');
    await storage.putFile('sources/a1/source', upload, { move: true });
    expect(readdirSync(join(root, 'store', '.uploads'))).toEqual([]);
    expect(storage.localPath('sources/a1/source')).toBe(join(root, 'store', 'sources', 'a1', 'source'));
  });

  it('publishes a folder whole, replacing an earlier attempt, with nothing left staged', async () => {
    const build = (content: string) => {
      const dir = mkdtempSync(join(root, 'out-'));
      writeFileSync(join(dir, 'master.m3u8'), content);
      return dir;
    };
    await storage.uploadDirectory(build('#EXTM3U first'), 'videos/a1/g1', mediaContentType);
    await storage.uploadDirectory(build('#EXTM3U second'), 'videos/a1/g1', mediaContentType);
    expect(await text(await storage.read('videos/a1/g1/master.m3u8'))).toBe('#EXTM3U second');
    expect(readdirSync(join(root, 'store', '.staging'))).toEqual([]);
  });

  it('names the content types players and browsers expect', () => {
    expect(mediaContentType('master.m3u8')).toBe('application/vnd.apple.mpegurl');
    expect(mediaContentType('360p/seg_00001.ts')).toBe('video/mp2t');
    expect(mediaContentType('poster.jpg')).toBe('image/jpeg');
    expect(mediaContentType('vi-1.vtt')).toBe('text/vtt; charset=utf-8');
  });
});

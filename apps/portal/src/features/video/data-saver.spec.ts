import { describe, expect, it } from '@jest/globals';

import {
  allowedHeights,
  audioOnlyPlaylistUrl,
  chosenHeights,
  DATA_SAVER_STORAGE_KEY,
  DataSaver,
  isAudioOnly,
  levelsToEnable,
  readDataSaver,
  type Rung,
  rungHeightOf,
  switchTarget,
  writeDataSaver,
} from './data-saver';

const RUNGS: Rung[] = [
  { name: '720p', height: 720 },
  { name: '144p', height: 144 },
  { name: '360p', height: 360 },
  { name: '240p', height: 240 },
  { name: '480p', height: 480 },
  { name: 'audio', height: null },
];

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('data-saver setting', () => {
  it('is off unless a valid setting was remembered', () => {
    expect(readDataSaver(memoryStorage())).toBe(DataSaver.Off);
    expect(readDataSaver(memoryStorage({ [DATA_SAVER_STORAGE_KEY]: 'nonsense' }))).toBe(DataSaver.Off);
    expect(readDataSaver(null)).toBe(DataSaver.Off);
  });

  it('is remembered under hocvu.dataSaver', () => {
    const storage = memoryStorage();
    writeDataSaver(DataSaver.Max240p, storage);
    expect(storage.values.get('hocvu.dataSaver')).toBe('max240p');
    expect(readDataSaver(storage)).toBe(DataSaver.Max240p);
  });

  it('survives storage that throws (blocked in private mode)', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readDataSaver(blocked)).toBe(DataSaver.Off);
    expect(() => writeDataSaver(DataSaver.AudioOnly, blocked)).not.toThrow();
  });
});

describe('allowedHeights', () => {
  it('allows every video rung when off', () => {
    expect(allowedHeights(DataSaver.Off, RUNGS)).toEqual([144, 240, 360, 480, 720]);
  });

  it('caps at 240p', () => {
    expect(allowedHeights(DataSaver.Max240p, RUNGS)).toEqual([144, 240]);
  });

  it('keeps the lowest rung when none is as low as 240p', () => {
    expect(
      allowedHeights(DataSaver.Max240p, [
        { name: '480p', height: 480 },
        { name: '360p', height: 360 },
      ]),
    ).toEqual([360]);
  });

  it('allows no video for sound only', () => {
    expect(allowedHeights(DataSaver.AudioOnly, RUNGS)).toEqual([]);
    expect(isAudioOnly(DataSaver.AudioOnly, RUNGS)).toBe(true);
  });

  it('falls back to the 240p cap when the video has no audio rung', () => {
    const videoOnly = RUNGS.filter((rung) => rung.height !== null);
    expect(isAudioOnly(DataSaver.AudioOnly, videoOnly)).toBe(false);
    expect(allowedHeights(DataSaver.AudioOnly, videoOnly)).toEqual([144, 240]);
  });
});

describe('chosenHeights', () => {
  it('is the allowed heights in automatic mode', () => {
    expect(chosenHeights(DataSaver.Max240p, 'auto', RUNGS)).toEqual([144, 240]);
  });

  it('is the one height picked, when allowed', () => {
    expect(chosenHeights(DataSaver.Off, 480, RUNGS)).toEqual([480]);
    expect(chosenHeights(DataSaver.Max240p, 144, RUNGS)).toEqual([144]);
  });

  it('ignores a pick the data saver forbids', () => {
    expect(chosenHeights(DataSaver.Max240p, 720, RUNGS)).toEqual([144, 240]);
  });
});

describe('levelsToEnable', () => {
  const levels = [
    { width: 256, height: 144, bitrate: 150_000 },
    { width: 426, height: 240, bitrate: 300_000 },
    { width: 640, height: 360, bitrate: 700_000 },
    { width: 1280, height: 720, bitrate: 2_500_000 },
  ];

  it('enables everything when nothing is restricted', () => {
    expect(levelsToEnable(levels, [144, 240, 360, 480, 720], RUNGS)).toEqual([true, true, true, true]);
    expect(levelsToEnable(levels, [], RUNGS)).toEqual([true, true, true, true]);
  });

  it('enables only the wanted rungs', () => {
    expect(levelsToEnable(levels, [144, 240], RUNGS)).toEqual([true, true, false, false]);
    expect(levelsToEnable(levels, [360], RUNGS)).toEqual([false, false, true, false]);
  });

  it('matches portrait levels by their short side', () => {
    const portrait = [
      { width: 144, height: 256, bitrate: 150_000 },
      { width: 240, height: 426, bitrate: 300_000 },
      { width: 360, height: 640, bitrate: 700_000 },
    ];
    expect(levelsToEnable(portrait, [144, 240], RUNGS)).toEqual([true, true, false]);
  });

  it('keeps the cheapest level when nothing matches, rather than none', () => {
    const odd = [
      { width: 1920, height: 1080, bitrate: 5_000_000 },
      { width: 854, height: 480, bitrate: 1_000_000 },
    ];
    expect(levelsToEnable(odd, [144, 240], RUNGS)).toEqual([false, true]);
  });
});

describe('switchTarget', () => {
  const levels = [
    { width: 1280, height: 720 },
    { width: 256, height: 144 },
    { width: 640, height: 360 },
    { width: 426, height: 240 },
  ];

  it('steps down to the tallest allowed level when the one playing is disabled', () => {
    expect(switchTarget(levels, [false, true, false, true], 0, RUNGS)).toBe(3);
    expect(switchTarget(levels, [false, true, false, false], 2, RUNGS)).toBe(1);
  });

  it('steps up when only taller levels are allowed (a quality picked by hand)', () => {
    expect(switchTarget(levels, [false, false, true, false], 1, RUNGS)).toBe(2);
  });

  it('does nothing when the level playing stays enabled or none is known yet', () => {
    expect(switchTarget(levels, [true, true, true, true], 0, RUNGS)).toBeNull();
    expect(switchTarget(levels, [false, true, false, true], -1, RUNGS)).toBeNull();
  });
});

describe('rungHeightOf', () => {
  it('names a level by its rung', () => {
    expect(rungHeightOf({ width: 640, height: 360 }, [144, 360])).toBe(360);
    expect(rungHeightOf({ width: 360, height: 640 }, [144, 360])).toBe(360);
    expect(rungHeightOf({ width: 1920, height: 1080 }, [144, 360])).toBe(1080);
    expect(rungHeightOf({}, [144, 360])).toBeNull();
  });
});

describe('audioOnlyPlaylistUrl', () => {
  it('sits beside the master playlist', () => {
    expect(audioOnlyPlaylistUrl('https://hocvu.example/media/v1/abc/master.m3u8')).toBe(
      'https://hocvu.example/media/v1/abc/audio/index.m3u8',
    );
  });

  it('resolves a relative master against the page and keeps a token in the query', () => {
    expect(
      audioOnlyPlaylistUrl('/media/s/tok3n/abc/master.m3u8?exp=1&sig=xyz', 'https://hocvu.example/learn/1'),
    ).toBe('https://hocvu.example/media/s/tok3n/abc/audio/index.m3u8?exp=1&sig=xyz');
  });
});

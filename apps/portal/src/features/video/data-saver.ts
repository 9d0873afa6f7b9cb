/**
 * The data-saver setting and what it lets the player load. Learners pay for mobile data by the
 * megabyte, so the choice is remembered on the device (not the account: the same person may be on
 * Wi-Fi at the commune centre and on 3G at home).
 */

export const DataSaver = {
  Off: 'off',
  /** Video, but no rung taller than 240p. */
  Max240p: 'max240p',
  /** Sound only: the audio rung, no video at all. */
  AudioOnly: 'audioOnly',
} as const;
export type DataSaver = (typeof DataSaver)[keyof typeof DataSaver];

export const DATA_SAVER_SETTINGS: readonly DataSaver[] = Object.values(DataSaver);
export const DATA_SAVER_STORAGE_KEY = 'hocvu.dataSaver';
export const DATA_SAVER_MAX_HEIGHT = 240;

/** A rendition of the video as the API lists it: `{ name: '360p', height: 360 }`, `{ name: 'audio', height: null }`. */
export interface Rung {
  name: string;
  height: number | null;
}

/** The quality picked in the player's menu: automatic, or one rung's height. */
export type QualityChoice = 'auto' | number;

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem'>;

function deviceStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage blocked (private mode, some WebViews)
  }
}

export function isDataSaver(value: unknown): value is DataSaver {
  return typeof value === 'string' && (DATA_SAVER_SETTINGS as readonly string[]).includes(value);
}

/** The setting remembered on this device; off when none was chosen or storage is unavailable. */
export function readDataSaver(storage: ReadableStorage | null = deviceStorage()): DataSaver {
  try {
    const saved = storage?.getItem(DATA_SAVER_STORAGE_KEY);
    return isDataSaver(saved) ? saved : DataSaver.Off;
  } catch {
    return DataSaver.Off;
  }
}

export function writeDataSaver(setting: DataSaver, storage: WritableStorage | null = deviceStorage()): void {
  try {
    storage?.setItem(DATA_SAVER_STORAGE_KEY, setting);
  } catch {
    // Not remembered, but applied for this visit.
  }
}

/** The video rungs' heights, lowest first. */
export function videoHeights(rungs: readonly Rung[]): number[] {
  const heights = rungs
    .map((rung) => rung.height)
    .filter((height): height is number => height !== null && height > 0);
  return [...new Set(heights)].sort((a, b) => a - b);
}

export function hasAudioOnlyRung(rungs: readonly Rung[]): boolean {
  return rungs.some((rung) => rung.height === null);
}

/** Whether the player should play sound only: asked for, and this video has an audio rung. */
export function isAudioOnly(setting: DataSaver, rungs: readonly Rung[]): boolean {
  return setting === DataSaver.AudioOnly && hasAudioOnlyRung(rungs);
}

/**
 * The video heights the setting allows, lowest first; empty for sound only. Capped at 240p, a video
 * with no rung that low keeps its lowest one, and a video without an audio rung treats "sound only"
 * as the cap, the least data it can offer.
 */
export function allowedHeights(setting: DataSaver, rungs: readonly Rung[]): number[] {
  const heights = videoHeights(rungs);
  switch (setting) {
    case DataSaver.Off:
      return heights;
    case DataSaver.AudioOnly:
      if (hasAudioOnlyRung(rungs)) return [];
      return capped(heights);
    case DataSaver.Max240p:
      return capped(heights);
  }
}

function capped(heights: number[]): number[] {
  const allowed = heights.filter((height) => height <= DATA_SAVER_MAX_HEIGHT);
  return allowed.length > 0 ? allowed : heights.slice(0, 1);
}

/** The heights the player may switch between: the allowed ones, or the one chosen if it is allowed. */
export function chosenHeights(setting: DataSaver, quality: QualityChoice, rungs: readonly Rung[]): number[] {
  const allowed = allowedHeights(setting, rungs);
  return quality !== 'auto' && allowed.includes(quality) ? [quality] : allowed;
}

/** A quality level as video.js lists it (`player.qualityLevels()`). */
export interface LevelInfo {
  width?: number | undefined;
  height?: number | undefined;
  bitrate?: number | undefined;
}

/**
 * Which quality levels to enable so that only the wanted rungs play. A level is matched to a rung by
 * its height or, for a portrait video named by its short side, its width. Levels matching no rung are
 * kept when they are no taller than the tallest wanted. Should nothing match, the lowest-bitrate level
 * stays enabled: with every level disabled VHS would ignore the choice altogether.
 */
export function levelsToEnable(
  levels: readonly LevelInfo[],
  wanted: readonly number[],
  rungs: readonly Rung[],
): boolean[] {
  const all = videoHeights(rungs);
  if (wanted.length === 0 || all.every((height) => wanted.includes(height))) return levels.map(() => true);

  const tallest = Math.max(...wanted);
  const enabled = levels.map((level) => {
    const height = rungHeightOf(level, all);
    if (height === null) return false;
    return all.includes(height) ? wanted.includes(height) : height <= tallest;
  });
  if (enabled.some(Boolean) || levels.length === 0) return enabled;

  let lowest = 0;
  levels.forEach((level, index) => {
    if ((level.bitrate ?? Infinity) < (levels[lowest]?.bitrate ?? Infinity)) lowest = index;
  });
  return levels.map((_, index) => index === lowest);
}

/** The rung a quality level belongs to: its height, or its width for a portrait video named by its short side. */
export function rungHeightOf(level: LevelInfo, rungHeights: readonly number[]): number | null {
  const { width, height } = level;
  if (height && rungHeights.includes(height)) return height;
  if (width && rungHeights.includes(width)) return width;
  return height ?? null;
}

/**
 * Where to switch at once when the level playing (`selectedIndex`) has just been disabled: the
 * tallest enabled level no taller than it, else the lowest enabled. Null when no switch is needed.
 */
export function switchTarget(
  levels: readonly LevelInfo[],
  enabled: readonly boolean[],
  selectedIndex: number,
  rungs: readonly Rung[],
): number | null {
  const current = levels[selectedIndex];
  if (!current || enabled[selectedIndex]) return null;
  const all = videoHeights(rungs);
  const heightOf = (level: LevelInfo) => rungHeightOf(level, all) ?? 0;
  const candidates = levels
    .map((level, index) => ({ index, height: heightOf(level) }))
    .filter(({ index }) => enabled[index])
    .sort((a, b) => a.height - b.height);
  const currentHeight = heightOf(current);
  const lower = candidates.filter(({ height }) => height <= currentHeight).at(-1);
  return (lower ?? candidates[0])?.index ?? null;
}

/**
 * The audio-only playlist sits beside the master's: `<dir>/audio/index.m3u8`, resolved the way the
 * player resolves segment URLs (relative to the master), so a signature in the path carries over. A
 * query string (a token valid for the whole folder) is carried over too.
 */
export function audioOnlyPlaylistUrl(masterUrl: string, base = defaultBase()): string {
  const master = new URL(masterUrl, base);
  const audio = new URL('audio/index.m3u8', master);
  audio.search = master.search;
  return audio.toString();
}

function defaultBase(): string {
  return typeof window === 'undefined' ? 'http://localhost/' : window.location.href;
}

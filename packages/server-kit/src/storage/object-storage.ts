import type { Readable } from 'node:stream';

/** Byte range, both ends inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  size: number;
  /** Last modification, for Last-Modified / ETag. */
  modifiedAt: Date;
}

/**
 * Where uploaded sources, HLS renditions, posters and captions live. Keys are slash-separated
 * paths ("videos/<asset>/g1/360p/seg_00001.ts"). Nothing outside this interface may assume the
 * files are on the local disk: the API streams through `read`, the worker stages through
 * `downloadToFile` and `uploadDirectory`.
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  /** Metadata, or null when the key does not exist. */
  stat(key: string): Promise<StoredObject | null>;
  /** A stream of the object (or of a byte range of it). Throws `StorageNotFoundError` when absent. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  write(key: string, body: Buffer | string, contentType: string): Promise<void>;
  /**
   * Stores a local file under `key`. With `move` the local file may be consumed (renamed when
   * storage and file share a disk, so a 2 GB upload is not copied).
   */
  putFile(key: string, localPath: string, options?: { move?: boolean; contentType?: string }): Promise<void>;
  /** Copies the object to a local file (for ffmpeg). */
  downloadToFile(key: string, localPath: string): Promise<void>;
  /**
   * Publishes every file below `localDir` under `prefix`; `localDir` may be consumed (moved).
   * Local driver: all-or-nothing (staged
   * beside the destination, then one rename). S3: files are uploaded one by one, so callers must
   * make the result visible only afterwards (the video pipeline flips a database row).
   */
  uploadDirectory(localDir: string, prefix: string, contentTypeOf: (file: string) => string): Promise<void>;
  /** Deletes every object whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object at ${key}`);
  }
}

/** Rejects keys that could escape the storage root or confuse S3 (.., empty parts, backslashes). */
export function assertSafeKey(key: string): void {
  const parts = key.split('/');
  if (
    key.length === 0 ||
    key.length > 512 ||
    key.includes('\\') ||
    key.includes('\0') ||
    parts.some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
  }
}

/** Content types of the files the video pipeline produces. */
export function mediaContentType(file: string): string {
  if (file.endsWith('.m3u8')) return 'application/vnd.apple.mpegurl';
  if (file.endsWith('.ts')) return 'video/mp2t';
  if (file.endsWith('.m4s')) return 'video/iso.segment';
  if (file.endsWith('.mp4')) return 'video/mp4';
  if (file.endsWith('.jpg') || file.endsWith('.jpeg')) return 'image/jpeg';
  if (file.endsWith('.png')) return 'image/png';
  if (file.endsWith('.webp')) return 'image/webp';
  if (file.endsWith('.vtt')) return 'text/vtt; charset=utf-8';
  return 'application/octet-stream';
}

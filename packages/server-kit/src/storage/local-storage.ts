import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';

import {
  assertSafeKey,
  ByteRange,
  ObjectStorage,
  StorageNotFoundError,
  StoredObject,
} from './object-storage';

/** Staging folder inside the root: same file system as the destination, so publishing is a rename. */
const STAGING = '.staging';

/** The default driver: a folder on the local disk (a volume in Docker). */
export class LocalStorage implements ObjectStorage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    assertSafeKey(key);
    return join(this.root, key);
  }

  /** The file behind a key, for tools that need a path (ffmpeg) — only this driver has one. */
  localPath(key: string): string {
    return this.path(key);
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.path(key));
      return info.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    // Open first so a missing file is a clean StorageNotFoundError, not a stream 'error' mid-reply.
    if (!(await this.stat(key))) throw new StorageNotFoundError(key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  /** The content type is not kept: it is derived from the key when served (mediaContentType). */
  async write(key: string, body: Buffer | string, _contentType?: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, path);
  }

  async putFile(key: string, localPath: string, options: { move?: boolean } = {}): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    if (options.move) {
      try {
        await rename(localPath, path);
        return;
      } catch (error) {
        // Different file systems: fall back to copy + delete.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      }
    }
    const temporary = `${path}.${randomUUID()}.tmp`;
    await copyFile(localPath, temporary);
    await rename(temporary, path);
    if (options.move) await unlink(localPath);
  }

  async downloadToFile(key: string, localPath: string): Promise<void> {
    if (!(await this.stat(key))) throw new StorageNotFoundError(key);
    await mkdir(dirname(localPath), { recursive: true });
    await copyFile(this.path(key), localPath);
  }

  async uploadDirectory(
    localDir: string,
    prefix: string,
    _contentTypeOf?: (file: string) => string,
  ): Promise<void> {
    const destination = this.path(prefix.replace(/\/$/, ''));
    const staged = join(this.root, STAGING, randomUUID());
    await mkdir(dirname(staged), { recursive: true });
    try {
      // Same file system (the usual case when the work folder is under the storage root): no copy.
      await rename(localDir, staged);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyTree(localDir, staged);
    }
    await mkdir(dirname(destination), { recursive: true });
    // A previous attempt may have published the same prefix: replace it whole.
    const previous = `${staged}.old`;
    try {
      await rename(destination, previous);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await rename(staged, destination);
    await rm(previous, { recursive: true, force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    const path = this.path(prefix.replace(/\/$/, ''));
    if (!relative(this.root, path) || relative(this.root, path).startsWith('..')) {
      throw new Error(`Refusing to delete ${prefix}`);
    }
    await rm(path, { recursive: true, force: true });
  }
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isFile()) await copyFile(source, target);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

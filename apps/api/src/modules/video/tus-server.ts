import { VIDEO_UPLOAD_MAX_BYTES } from '@hocvu/contracts';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { ApiConfig } from '../../config/api-config';

export const TUS_PATH = '/api/studio/uploads/videos';
export const TUS_SERVER = Symbol('TUS_SERVER');

/**
 * The tus resumable-upload server (protocol 1.0). Uploads are assembled in UPLOAD_PATH; the
 * studio's "finish upload" call then moves the file into storage and queues the transcode.
 * @tus/server 1.x is used because 2.x is ESM-only and this API is CommonJS.
 */
export function createTusServer(config: ApiConfig): Server {
  const directory = resolve(config.UPLOAD_PATH);
  mkdirSync(directory, { recursive: true });
  return new Server({
    path: TUS_PATH,
    datastore: new FileStore({ directory, expirationPeriodInMilliseconds: 7 * 24 * 3600 * 1000 }),
    maxSize: VIDEO_UPLOAD_MAX_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: config.TRUST_PROXY,
    // Only the path names the upload: the controller authorised exactly this id (tus would
    // otherwise also read it from a query string).
    getFileIdFromRequest: (request) => uploadIdOf(request.url ?? ''),
    // The lesson id leads the upload id, so every later request can be authorised without a lookup.
    namingFunction: (_request, metadata) =>
      `${metadata?.['lessonId'] ?? 'unknown'}_${randomBytes(8).toString('hex')}`,
  });
}

/** The upload id in a tus URL's path (`…/videos/<id>`), ignoring any query string. */
export function uploadIdOf(url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  const match = new RegExp(`^${TUS_PATH}/([^/]+)$`).exec(path);
  return match?.[1];
}

/** Lesson id of an upload id minted above, or null. */
export function lessonOfUpload(uploadId: string): string | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[0-9a-f]{16}$/.exec(
    uploadId,
  );
  return match?.[1] ?? null;
}

/** Decodes a tus Upload-Metadata header ("key base64,key2 base64"). */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key) result[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return result;
}

import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import {
  assertSafeKey,
  ByteRange,
  ObjectStorage,
  StorageNotFoundError,
  StoredObject,
} from './object-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For MinIO, Ceph, Viettel/VNPT/FPT object storage and other S3-compatible services. */
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Key prefix inside the bucket, so one bucket can hold several installations. */
  prefix: string;
}

/** S3-compatible object storage, for deployments that outgrow one disk or run several API hosts. */
export class S3Storage implements ObjectStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint || undefined,
      forcePathStyle: options.forcePathStyle,
      // Checksums only where S3 requires them: many S3-compatible services (older MinIO, Ceph,
      // providers' gateways) reject the SDK's default aws-chunked CRC uploads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  private key(key: string): string {
    assertSafeKey(key);
    return this.options.prefix ? `${this.options.prefix.replace(/\/$/, '')}/${key}` : key;
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }),
      );
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key: this.key(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return object.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async write(key: string, body: Buffer | string, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(key),
        Body: body,
        ContentType: contentType,
      }),
    );
  }

  async putFile(
    key: string,
    localPath: string,
    options: { move?: boolean; contentType?: string } = {},
  ): Promise<void> {
    const { size } = await stat(localPath);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(key),
        Body: createReadStream(localPath),
        ContentLength: size,
        ContentType: options.contentType ?? 'application/octet-stream',
      }),
    );
    if (options.move) await rm(localPath, { force: true });
  }

  async downloadToFile(key: string, localPath: string): Promise<void> {
    await mkdir(dirname(localPath), { recursive: true });
    await pipeline(await this.read(key), createWriteStream(localPath));
  }

  async uploadDirectory(
    localDir: string,
    prefix: string,
    contentTypeOf: (file: string) => string,
  ): Promise<void> {
    const base = prefix.replace(/\/$/, '');
    for (const file of await listFiles(localDir)) {
      const name = relative(localDir, file).split(/[\\/]/).join('/');
      await this.putFile(`${base}/${name}`, file, { contentType: contentTypeOf(name) });
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    const base = `${this.key(prefix.replace(/\/$/, ''))}/`;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: base, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).map((item) => ({ Key: item.Key as string }));
      if (keys.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: keys } }),
        );
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

import { ConfigError } from '../env-config';
import type { ServerConfig } from '../server-config';
import { LocalStorage } from './local-storage';
import { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

export * from './local-storage';
export * from './object-storage';
export * from './s3-storage';

/** The storage driver the configuration names. */
export function createStorage(config: ServerConfig): ObjectStorage {
  if (config.STORAGE_DRIVER === 'local') return new LocalStorage(config.STORAGE_PATH);
  if (!config.S3_BUCKET) throw new ConfigError(['S3_BUCKET: must be set when STORAGE_DRIVER=s3']);
  return new S3Storage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    prefix: config.S3_PREFIX,
  });
}

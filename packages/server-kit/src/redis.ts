import type { RedisOptions } from 'ioredis';

/**
 * ioredis options from a redis:// URL. BullMQ requires `maxRetriesPerRequest: null` on the
 * connections it blocks on; other clients keep the default so a dead Redis fails fast.
 */
export function redisOptionsFromUrl(url: string, forBullmq = false): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    ...(forBullmq ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 2, connectTimeout: 5000 }),
  };
}

import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { ApiConfig } from '../../config/api-config';
import { REDIS } from '../../redis/redis.module';

/**
 * The published catalogue changes only on publish/unpublish, so its responses are cached under a
 * generation number that those actions bump: every cached page and every ETag of the previous
 * generation is invalid at once, across all API instances.
 */
@Injectable()
export class CatalogueCache {
  private readonly generationKey: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: ApiConfig,
  ) {
    this.generationKey = `${config.REDIS_PREFIX}:catalogue:generation`;
  }

  async generation(): Promise<string> {
    return (await this.redis.get(this.generationKey)) ?? '0';
  }

  async invalidate(): Promise<void> {
    await this.redis.incr(this.generationKey);
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(`${this.config.REDIS_PREFIX}:catalogue:${key}`);
  }

  async set(key: string, value: string): Promise<void> {
    await this.redis.set(`${this.config.REDIS_PREFIX}:catalogue:${key}`, value, 'EX', 600);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';

import { REDIS } from '../../redis/redis.module';

/** One sign-in (or account-linking) round trip to VNeID, between "start" and the callback. */
export interface VneidFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Set when a signed-in user links VNeID to their account; absent for "Sign in with VNeID". */
  linkUserId?: string;
  /** Portal path to return to afterwards. */
  returnTo: string;
}

export const FLOW_TTL_SECONDS = 600;

/**
 * Flows live in Redis under a hash of a random id the browser holds in a cookie. Taking a flow
 * deletes it (GETDEL), so a callback URL replayed from history or a log finds nothing.
 */
@Injectable()
export class VneidFlows {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async create(flow: VneidFlow): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(key(id), JSON.stringify(flow), 'EX', FLOW_TTL_SECONDS);
    return id;
  }

  async take(id: string | undefined): Promise<VneidFlow | null> {
    if (!id || id.length > 100) return null;
    const stored = await this.redis.getdel(key(id));
    return stored ? (JSON.parse(stored) as VneidFlow) : null;
  }
}

function key(id: string): string {
  return `vneid:flow:${createHash('sha256').update(id).digest('base64url')}`;
}

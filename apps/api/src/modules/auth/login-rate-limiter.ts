import { ErrorCode } from '@hocvu/contracts';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { AppError } from '../../common/errors/app-error';
import { ApiConfig } from '../../config/api-config';
import { REDIS } from '../../redis/redis.module';

/**
 * Brute-force protection for sign-in, shared by all API instances through Redis:
 * - per IP, every attempt counts (generous: a community class of 50 may share one IP);
 * - per account, only failures count, and a success clears them.
 * If Redis is unreachable an in-memory limiter takes over rather than letting everything through.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: ApiConfig) {
    const duration = config.LOGIN_WINDOW_SECONDS;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:rl:login-ip`,
      points: config.LOGIN_MAX_ATTEMPTS_PER_IP,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: config.LOGIN_MAX_ATTEMPTS_PER_IP, duration }),
    });
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:rl:login-account`,
      points: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, duration }),
    });
  }

  /** Call before checking the password; throws RATE_LIMITED when the IP or the account is locked. */
  async beforeAttempt(ip: string, accountKey: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (rejection) {
      throw tooMany(rejection);
    }
    const account = await this.perAccount.get(accountKey);
    if (account && account.consumedPoints >= this.perAccount.points) throw tooMany(account);
  }

  async recordFailure(accountKey: string): Promise<void> {
    await this.perAccount.penalty(accountKey, 1);
  }

  async recordSuccess(accountKey: string): Promise<void> {
    await this.perAccount.delete(accountKey);
  }
}

function tooMany(rejection: unknown): AppError {
  const retryAfterSeconds =
    rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) : 60;
  return new AppError(
    ErrorCode.RateLimited,
    HttpStatus.TOO_MANY_REQUESTS,
    'Too many sign-in attempts; wait before trying again',
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';

import { ApiConfig } from '../../config/api-config';

/** What a playback token carries: who watches which video lesson, for heartbeats. */
export interface PlaybackClaims {
  userId: string;
  courseId: string;
  lessonId: string;
  assetId: string;
  durationSeconds: number;
  completionPercent: number;
  /** Unix seconds. */
  issuedAt: number;
}

const PLAYBACK_TOKEN_TTL_SECONDS = 12 * 3600;

/**
 * Signs the URLs of media files and the playback tokens heartbeats carry. Both use an HMAC key
 * derived from the access-token secret, so there is no extra secret to manage.
 *
 * Media URLs look like `/api/media/<expires>.<signature>/videos/<asset>/g<n>/360p/seg_00001.ts`:
 * the token signs the first three segments of the key (one video generation, or one caption file),
 * so the relative URLs inside HLS playlists inherit it. Expiry is rounded up to the hour, so every
 * learner watching the same video in the same hour gets the same URLs and a CDN caches them once.
 */
@Injectable()
export class MediaSigner {
  private readonly key: Buffer;
  private readonly ttlSeconds: number;

  constructor(config: ApiConfig) {
    this.key = createHmac('sha256', config.JWT_ACCESS_SECRET).update('hocvu-media-v1').digest();
    this.ttlSeconds = config.MEDIA_URL_TTL_SECONDS;
  }

  /** URL prefix for the keys under `scope` (three key segments), valid for at least the TTL. */
  mediaBase(scope: string, now = Date.now()): string {
    const expires = Math.ceil((now / 1000 + this.ttlSeconds) / 3600) * 3600;
    return `/api/media/${expires}.${this.sign(`media:${scope}:${expires}`)}/${scope}`;
  }

  /** Checks a media token against the key it is used for. */
  verifyMedia(token: string, key: string, now = Date.now()): boolean {
    const [expires, signature] = token.split('.');
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 < now) return false;
    const scope = mediaScope(key);
    return scope !== null && this.matches(signature, `media:${scope}:${expires}`);
  }

  playbackToken(claims: Omit<PlaybackClaims, 'issuedAt'>, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ ...claims, issuedAt: Math.floor(now / 1000) })).toString(
      'base64url',
    );
    return `${body}.${this.sign(`playback:${body}`)}`;
  }

  /** The claims of a valid, unexpired playback token, else null. */
  verifyPlayback(token: string, now = Date.now()): PlaybackClaims | null {
    const [body, signature] = token.split('.');
    if (!body || !signature || !this.matches(signature, `playback:${body}`)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PlaybackClaims;
      if (claims.issuedAt + PLAYBACK_TOKEN_TTL_SECONDS < now / 1000) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 32);
  }

  private matches(signature: string, value: string): boolean {
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/**
 * The servable scope of a storage key: `videos/<asset>/g<n>` or `captions/<lesson>/<file>.vtt`.
 * Anything else (sources, staging, work folders) is never served.
 */
export function mediaScope(key: string): string | null {
  if (key.length > 512 || /[\\\0]/.test(key)) return null;
  const parts = key.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return null;
  if (parts[0] === 'videos' && parts.length >= 4 && /^g\d+$/.test(parts[2] ?? ''))
    return parts.slice(0, 3).join('/');
  if (parts[0] === 'captions' && parts.length === 3 && parts[2]?.endsWith('.vtt')) return key;
  return null;
}

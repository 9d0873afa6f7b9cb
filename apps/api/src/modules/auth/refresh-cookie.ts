import type { FastifyReply } from 'fastify';

import { ApiConfig } from '../../config/api-config';

export const REFRESH_COOKIE = 'hocvu_refresh';
/** The cookie is only ever sent to the auth endpoints, never with ordinary API calls. */
const REFRESH_COOKIE_PATH = '/api/auth';

/** Sets the rotating refresh-token cookie (password sign-in, refresh and "Sign in with VNeID"). */
export function setRefreshCookie(reply: FastifyReply, config: ApiConfig, refreshToken: string): void {
  void reply.setCookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: config.REFRESH_TOKEN_TTL_DAYS * 86_400,
  });
}

export function clearRefreshCookie(reply: FastifyReply, config: ApiConfig): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  });
}

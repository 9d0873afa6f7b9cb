import { createHocvuClient } from '@hocvu/api-client';
import { ErrorCode } from '@hocvu/contracts';
import type { Middleware } from 'openapi-fetch';

import { sessionStore } from './auth/session-store';

const AUTH_PATH_PREFIX = '/api/auth/';
const REFRESH_LOCK = 'hocvu.auth.refresh';

/** Copies of outgoing requests (bodies included) kept until their response, to retry after a refresh. */
const retryable = new Map<string, Request>();

function isAuthEndpoint(request: Request): boolean {
  return new URL(request.url, window.location.href).pathname.startsWith(AUTH_PATH_PREFIX);
}

function withBearer(request: Request, token: string | null): Request {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

/** A 401 that is about the request itself (a wrong current password), not about an expired token. */
async function isCredentialsRejection(response: Response): Promise<boolean> {
  try {
    const body: unknown = await response.clone().json();
    return (
      typeof body === 'object' &&
      body !== null &&
      'error' in body &&
      typeof body.error === 'object' &&
      body.error !== null &&
      'code' in body.error &&
      body.error.code === ErrorCode.InvalidCredentials
    );
  } catch {
    return false;
  }
}

/**
 * Adds the in-memory access token to every request. When the API answers 401 outside /api/auth/*,
 * renews the session once through the httpOnly refresh cookie and repeats the request.
 */
const sessionMiddleware: Middleware = {
  onRequest({ request, id }) {
    withBearer(request, sessionStore.getAccessToken());
    if (!isAuthEndpoint(request)) retryable.set(id, request.clone());
    return request;
  },

  async onResponse({ response, id }) {
    const original = retryable.get(id);
    retryable.delete(id);
    if (response.status !== 401 || !original) return undefined;
    if (await isCredentialsRejection(response)) return undefined;

    // Another request may already have renewed the session while this one was in flight.
    const sentWith = original.headers.get('Authorization');
    const current = sessionStore.getAccessToken();
    const renewed =
      current !== null && sentWith !== `Bearer ${current}` ? true : await refreshSession().catch(() => false);
    if (!renewed) return undefined;
    return fetch(withBearer(original, sessionStore.getAccessToken()));
  },

  onError({ id }) {
    retryable.delete(id);
    return undefined;
  },
};

/** The one typed client of the portal; every API call goes through it. */
export const apiClient = createHocvuClient({ middleware: [sessionMiddleware] });

/**
 * Refresh tokens rotate and the API treats a second use of one as theft. Two refreshes must therefore
 * never race: one at a time in this tab (shared promise) and across tabs (Web Locks, where available).
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  // The lock is held until the task's promise settles; lib.dom types the result one level too deep.
  return locks.request(REFRESH_LOCK, task) as unknown as Promise<T>;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh cookie for a new session. Resolves true when signed in, false when the API
 * says there is no valid session (which signs the portal out); rejects on network or server failure.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= acrossTabs(async () => {
    const { data, response } = await apiClient.POST('/api/auth/refresh');
    if (data) {
      sessionStore.start(data);
      return true;
    }
    if (response.status === 401 || response.status === 403) {
      sessionStore.clear();
      return false;
    }
    throw new Error(`Session refresh failed with HTTP ${response.status}`);
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

let restoring: Promise<void> | null = null;

/** On start-up: silently restore the session from the refresh cookie; a 401 just means signed out. */
export function restoreSession(): Promise<void> {
  restoring ??= refreshSession().then(
    () => undefined,
    () => sessionStore.clear(),
  );
  return restoring;
}

/** Renewed this long before it expires: a request built now may take a while to reach the API. */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;

/**
 * The bearer header for requests made outside the typed client (the tus video upload, which sends many
 * requests over a long time): the session is renewed first when its access token is about to expire.
 */
export async function bearerHeaders(): Promise<Record<string, string>> {
  if (sessionStore.accessTokenExpiresWithin(TOKEN_RENEWAL_MARGIN_MS)) {
    // Offline or refused: the request goes out with what there is, and its failure is reported there.
    await refreshSession().catch(() => false);
  }
  const token = sessionStore.getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

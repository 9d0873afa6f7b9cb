import type { Schema } from '@hocvu/api-client';

export type UserProfile = Schema<'UserProfileDto'>;
export type Session = Schema<'SessionDto'>;

export type SessionState =
  { status: 'restoring' } | { status: 'signedOut' } | { status: 'signedIn'; user: UserProfile };

/**
 * The signed-in session, outside React so the API client's middleware can read and renew it.
 * The access token lives in this module's memory only — never in localStorage or sessionStorage, where
 * any injected script could read it; a reload restores it from the httpOnly refresh cookie.
 */
let state: SessionState = { status: 'restoring' };
let accessToken: string | null = null;
/** When the access token stops working (ms since the epoch, by this device's clock). */
let accessTokenExpiresAt = 0;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getState: (): SessionState => state,

  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  getAccessToken: (): string | null => accessToken,

  /** Whether the access token is missing or expires within `marginMs` (e.g. before a long upload's next request). */
  accessTokenExpiresWithin: (marginMs: number): boolean =>
    accessToken === null || Date.now() + marginMs >= accessTokenExpiresAt,

  /** After sign-in, sign-up or a refresh. */
  start: (session: Session): void => {
    accessToken = session.accessToken;
    accessTokenExpiresAt = Date.now() + session.expiresIn * 1000;
    publish({ status: 'signedIn', user: session.user });
  },

  /** After the profile changed (edit, password change). */
  setUser: (user: UserProfile): void => {
    if (state.status === 'signedIn' && state.user !== user) publish({ status: 'signedIn', user });
  },

  clear: (): void => {
    accessToken = null;
    accessTokenExpiresAt = 0;
    if (state.status !== 'signedOut') publish({ status: 'signedOut' });
  },
};

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

  /** After sign-in, sign-up or a refresh. */
  start: (session: Session): void => {
    accessToken = session.accessToken;
    publish({ status: 'signedIn', user: session.user });
  },

  /** After the profile changed (edit, password change). */
  setUser: (user: UserProfile): void => {
    if (state.status === 'signedIn' && state.user !== user) publish({ status: 'signedIn', user });
  },

  clear: (): void => {
    accessToken = null;
    if (state.status !== 'signedOut') publish({ status: 'signedOut' });
  },
};

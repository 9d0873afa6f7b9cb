import type { Permission } from '@hocvu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';

import { apiClient, restoreSession } from '../api-client';
import { type Session, type SessionState, sessionStore, type UserProfile } from './session-store';

export interface AuthContextValue {
  session: SessionState;
  /** The signed-in user, or null while restoring or when signed out. */
  user: UserProfile | null;
  /** Whether the signed-in user holds a permission; the API returns the list with the profile. */
  can: (permission: Permission) => boolean;
  /** Starts a session returned by sign-in or sign-up. */
  start: (session: Session) => void;
  /** Replaces the profile after it changed. */
  setUser: (user: UserProfile) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
  const user = session.status === 'signedIn' ? session.user : null;

  useEffect(() => {
    void restoreSession();
  }, []);

  // Whatever signs the portal out (sign-out, a refused refresh) drops the cached data of that user.
  // Only after being signed in: when restoring finds no session there is nothing to drop, and removing
  // the queries a public page has just started (the catalogue) would leave that page loading forever.
  // Queries on screen are reset rather than removed, so they load again, now signed out.
  const previousStatus = useRef(session.status);
  useEffect(() => {
    const wasSignedIn = previousStatus.current === 'signedIn';
    previousStatus.current = session.status;
    if (!wasSignedIn || session.status !== 'signedOut') return;
    queryClient.removeQueries({ type: 'inactive' });
    void queryClient.resetQueries({ type: 'active' });
  }, [session.status, queryClient]);

  const can = useCallback(
    (permission: Permission) => user !== null && (user.permissions as readonly string[]).includes(permission),
    [user],
  );

  const signOut = useCallback(async () => {
    try {
      await apiClient.POST('/api/auth/logout');
    } catch {
      // Offline: the refresh cookie expires on its own; forgetting the access token is what matters here.
    }
    sessionStore.clear();
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ session, user, can, start: sessionStore.start, setUser: sessionStore.setUser, signOut }),
    [session, user, can, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>');
  return value;
}

import { useLocation } from 'react-router';

import type { UserProfile } from '../../../app/auth/session-store';
import { paths, safeReturnPath } from '../../../app/paths';

/** Where a person goes once signed in: their own password first if it is temporary, else back where they were. */
export function useDestinationAfterSignIn(): (user: UserProfile | null) => string {
  const state: unknown = useLocation().state;
  const from = safeReturnPath(
    typeof state === 'object' && state !== null && 'from' in state ? state.from : null,
  );
  return (user) => {
    // null: not known yet (leaving for VNeID); the temporary-password rule cannot apply there.
    if (user?.mustChangePassword) return paths.changePassword;
    if (from && !from.startsWith('/auth/')) return from;
    return paths.home;
  };
}

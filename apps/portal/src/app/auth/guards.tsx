import type { Permission } from '@hocvu/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { Loading } from '../../shared/ui/Loading';
import { NoAccessPage } from '../layout/StatusPages';
import { paths, type ReturnToState } from '../paths';
import { useAuth } from './auth-context';

/**
 * Signed-in people only: others go to sign-in (and come back afterwards). Someone holding a temporary
 * password is kept on the change-password page until they choose their own.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();

  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signedOut') {
    const state: ReturnToState = { from: `${location.pathname}${location.search}` };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  if (session.user.mustChangePassword && location.pathname !== paths.changePassword) {
    return <Navigate to={paths.changePassword} replace />;
  }
  return children;
}

/** Renders `children` only when the user holds one of `anyOf`; otherwise the "no access" page. */
export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf: readonly Permission[];
  children: ReactNode;
}) {
  const { can } = useAuth();
  return anyOf.some((permission) => can(permission)) ? children : <NoAccessPage />;
}

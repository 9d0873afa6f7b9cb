import { useMutation } from '@tanstack/react-query';

import { useAuth } from '../../../app/auth/auth-context';
import { login, register } from '../api/auth-api';

/** Signs in; on success the session starts and the sign-in page redirects by itself. */
export function useSignIn() {
  const { start } = useAuth();
  return useMutation({ mutationFn: login, onSuccess: start });
}

/** Creates a learner account and signs it in. */
export function useSignUp() {
  const { start } = useAuth();
  return useMutation({ mutationFn: register, onSuccess: start });
}

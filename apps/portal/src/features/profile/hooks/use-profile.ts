import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { useAuth } from '../../../app/auth/auth-context';
import type { UserProfile } from '../../../app/auth/session-store';
import { changePassword, fetchMe, updateMe } from '../api/profile-api';

export const profileKeys = { me: ['me'] as const };

/** The profile, shown at once from the session and refreshed from the API; the session follows. */
export function useProfile(initial: UserProfile) {
  const { setUser } = useAuth();
  const query = useQuery({
    queryKey: profileKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    initialData: initial,
    initialDataUpdatedAt: 0,
  });
  const { data } = query;
  useEffect(() => {
    setUser(data);
  }, [data, setUser]);
  return query;
}

export function useUpdateProfile() {
  const { setUser } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => {
      queryClient.setQueryData(profileKeys.me, user);
      setUser(user);
    },
  });
}

/** Changes the password, then reloads the profile so `mustChangePassword` is cleared everywhere. */
export function useChangePassword() {
  const { user, setUser } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      try {
        const fresh = await fetchMe();
        queryClient.setQueryData(profileKeys.me, fresh);
        setUser(fresh);
      } catch {
        if (user) setUser({ ...user, mustChangePassword: false });
      }
    },
  });
}

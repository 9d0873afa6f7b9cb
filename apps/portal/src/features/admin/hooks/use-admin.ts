import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { catalogueKeys } from '../../../shared/courses/query-keys';
import {
  bulkEnrol,
  createStaff,
  listAuditLog,
  listPublishedCourses,
  listUsers,
  resetPassword,
  type UserListQuery,
} from '../api/admin-api';

export const PAGE_SIZE = 20;

export const adminKeys = {
  users: ['users'] as const,
  userList: (query: UserListQuery) => [...adminKeys.users, 'list', query] as const,
  auditLog: (page: number) => ['audit-log', page] as const,
};

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: adminKeys.userList(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    // Keep the current page on screen while the next one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

/**
 * Resets a password. The temporary password lives only in this mutation's state: `gcTime: 0` drops it
 * from the cache as soon as the panel showing it closes, so it is shown exactly once.
 */
export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword, gcTime: 0 });
}

export function useAuditLog(page: number) {
  return useQuery({
    queryKey: adminKeys.auditLog(page),
    queryFn: ({ signal }) => listAuditLog(page, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

const COURSE_CHOICE_QUERY = { page: 1, pageSize: 100 } as const;

export function usePublishedCourses() {
  return useQuery({
    queryKey: catalogueKeys.list(COURSE_CHOICE_QUERY),
    queryFn: ({ signal }) => listPublishedCourses(signal),
  });
}

export function useBulkEnrol() {
  return useMutation({ mutationFn: bulkEnrol });
}

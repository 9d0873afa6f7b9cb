import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  cancelSession,
  createSession,
  enrolAttendees,
  fetchMyQr,
  getSession,
  listCandidates,
  listHelpedLearners,
  listSessions,
  recordByQr,
  recordFromList,
  registerHelpedLearner,
  removeAttendance,
  renewMyQr,
  type SessionListQuery,
  unlinkHelpedLearner,
} from '../api/community-api';

export const communityKeys = {
  sessions: ['community-sessions'] as const,
  sessionList: (query: SessionListQuery) => [...communityKeys.sessions, 'list', query] as const,
  session: (id: string) => [...communityKeys.sessions, 'one', id] as const,
  candidates: (id: string, q: string) => [...communityKeys.sessions, 'candidates', id, q] as const,
  myQr: ['my-qr'] as const,
  helped: ['ambassador-learners'] as const,
};

export function useSessionList(query: SessionListQuery) {
  return useQuery({
    queryKey: communityKeys.sessionList(query),
    queryFn: ({ signal }) => listSessions(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: communityKeys.session(id), queryFn: ({ signal }) => getSession(id, signal) });
}

export function useCandidates(id: string, q: string) {
  return useQuery({
    queryKey: communityKeys.candidates(id, q),
    queryFn: ({ signal }) => listCandidates(id, q, signal),
    placeholderData: keepPreviousData,
  });
}

/** Any change to a session's attendance: its page, its candidates and the lists' counts refresh. */
function useSessionsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: communityKeys.sessions });
}

export function useCreateSession() {
  const changed = useSessionsChanged();
  return useMutation({ mutationFn: createSession, onSuccess: changed });
}

export function useCancelSession(id: string) {
  const changed = useSessionsChanged();
  return useMutation({ mutationFn: (reason?: string) => cancelSession(id, reason), onSuccess: changed });
}

export function useRecordByQr(id: string) {
  const changed = useSessionsChanged();
  return useMutation({ mutationFn: (token: string) => recordByQr(id, token), onSuccess: changed });
}

export function useRecordFromList(id: string) {
  const changed = useSessionsChanged();
  return useMutation({ mutationFn: (userIds: string[]) => recordFromList(id, userIds), onSuccess: changed });
}

export function useRemoveAttendance(id: string) {
  const changed = useSessionsChanged();
  return useMutation({ mutationFn: (userId: string) => removeAttendance(id, userId), onSuccess: changed });
}

export function useEnrolAttendees(id: string) {
  return useMutation({ mutationFn: () => enrolAttendees(id) });
}

export function useMyQr() {
  // The code changes only when renewed: no need to fetch it again on every visit.
  return useQuery({
    queryKey: communityKeys.myQr,
    queryFn: ({ signal }) => fetchMyQr(signal),
    staleTime: Infinity,
  });
}

export function useRenewMyQr() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewMyQr,
    onSuccess: (qr) => queryClient.setQueryData(communityKeys.myQr, qr),
  });
}

export function useHelpedLearners() {
  return useQuery({ queryKey: communityKeys.helped, queryFn: ({ signal }) => listHelpedLearners(signal) });
}

export function useRegisterHelpedLearner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerHelpedLearner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.helped }),
  });
}

export function useUnlinkHelpedLearner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkHelpedLearner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.helped }),
  });
}

import type { paths, Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { expectNoContent, unwrap } from '../../../shared/api/api-error';

export type CommunitySession = Schema<'CommunitySessionDto'>;
export type CommunitySessionDetail = Schema<'CommunitySessionDetailDto'>;
export type CreateCommunitySession = Schema<'CreateCommunitySessionDto'>;
export type Candidate = Schema<'CandidateDto'>;
export type HelpedLearner = Schema<'HelpedLearnerDto'>;
export type RegisterHelpedLearner = Schema<'RegisterHelpedLearnerDto'>;
export type MyQr = Schema<'MyQrDto'>;
export type SessionListQuery = NonNullable<paths['/api/community-sessions']['get']['parameters']['query']>;

export function listSessions(query: SessionListQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/community-sessions', { params: { query }, signal }));
}

export function getSession(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/community-sessions/{id}', { params: { path: { id } }, signal }));
}

export function createSession(body: CreateCommunitySession) {
  return unwrap(apiClient.POST('/api/community-sessions', { body }));
}

export function cancelSession(id: string, reason?: string) {
  return unwrap(
    apiClient.POST('/api/community-sessions/{id}/cancel', {
      params: { path: { id } },
      body: reason ? { reason } : {},
    }),
  );
}

export function listCandidates(id: string, q: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/community-sessions/{id}/learners', {
      params: { path: { id }, query: q ? { q } : {} },
      signal,
    }),
  );
}

export function recordByQr(id: string, token: string) {
  return unwrap(
    apiClient.POST('/api/community-sessions/{id}/attendance/qr', {
      params: { path: { id } },
      body: { token },
    }),
  );
}

export function recordFromList(id: string, userIds: string[]) {
  return unwrap(
    apiClient.POST('/api/community-sessions/{id}/attendance', {
      params: { path: { id } },
      body: { userIds },
    }),
  );
}

export function removeAttendance(id: string, userId: string) {
  return expectNoContent(
    apiClient.DELETE('/api/community-sessions/{id}/attendance/{userId}', {
      params: { path: { id, userId } },
    }),
  );
}

export function enrolAttendees(id: string) {
  return unwrap(apiClient.POST('/api/community-sessions/{id}/enrol', { params: { path: { id } } }));
}

export function fetchMyQr(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/me/qr', { signal }));
}

export function renewMyQr() {
  return unwrap(apiClient.POST('/api/me/qr/renew'));
}

export function listHelpedLearners(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/me/ambassador/learners', { signal }));
}

export function registerHelpedLearner(body: RegisterHelpedLearner) {
  return unwrap(apiClient.POST('/api/me/ambassador/learners', { body }));
}

export function unlinkHelpedLearner(learnerId: string) {
  return expectNoContent(
    apiClient.DELETE('/api/me/ambassador/learners/{learnerId}', { params: { path: { learnerId } } }),
  );
}

export function setAmbassador(userId: string, ambassador: boolean) {
  return unwrap(
    apiClient.PUT('/api/users/{id}/ambassador', { params: { path: { id: userId } }, body: { ambassador } }),
  );
}

import type { paths, Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type UserSummary = Schema<'UserSummaryDto'>;
export type CreateStaffBody = Schema<'CreateStaffDto'>;
export type AuditLogEntry = Schema<'AuditLogEntryDto'>;
export type BulkEnrolmentBody = Schema<'BulkEnrolmentDto'>;
export type BulkEnrolmentResult = Schema<'BulkEnrolmentResultDto'>;
export type UserListQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;

export function listUsers(query: UserListQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/users', { params: { query }, signal }));
}

export function createStaff(body: CreateStaffBody) {
  return unwrap(apiClient.POST('/api/users', { body }));
}

export function resetPassword(id: string) {
  return unwrap(apiClient.POST('/api/users/{id}/reset-password', { params: { path: { id } } }));
}

export function listAuditLog(page: number, pageSize: number, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/audit-log', { params: { query: { page, pageSize } }, signal }));
}

export function bulkEnrol(body: BulkEnrolmentBody) {
  return unwrap(apiClient.POST('/api/enrolments/bulk', { body }));
}

/** Published courses, for choosing which one to enrol a group in. */
export function listPublishedCourses(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/catalogue', { params: { query: { page: 1, pageSize: 100 } }, signal }));
}

import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { expectNoContent, unwrap } from '../../../shared/api/api-error';

export type UpdateProfileBody = Schema<'UpdateProfileDto'>;
export type ChangePasswordBody = Schema<'ChangePasswordDto'>;

export function fetchMe(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/me', { signal }));
}

export function updateMe(body: UpdateProfileBody) {
  return unwrap(apiClient.PATCH('/api/me', { body }));
}

export function changePassword(body: ChangePasswordBody) {
  return expectNoContent(apiClient.POST('/api/me/password', { body }));
}

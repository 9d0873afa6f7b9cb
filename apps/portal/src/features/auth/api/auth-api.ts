import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type LoginBody = Schema<'LoginDto'>;
export type RegisterBody = Schema<'RegisterDto'>;

export function login(body: LoginBody) {
  return unwrap(apiClient.POST('/api/auth/login', { body }));
}

export function register(body: RegisterBody) {
  return unwrap(apiClient.POST('/api/auth/register', { body }));
}

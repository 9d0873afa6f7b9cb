import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type VneidStartBody = Schema<'VneidStartDto'>;

/** "Sign in with VNeID": the API remembers the round trip (a cookie) and answers the VNeID URL. */
export function startVneidSignIn(body: VneidStartBody) {
  return unwrap(apiClient.POST('/api/auth/vneid/start', { body }));
}

/** Links VNeID to the signed-in account: the same round trip, tied to this user. */
export function startVneidLink(body: VneidStartBody) {
  return unwrap(apiClient.POST('/api/me/vneid/link', { body }));
}

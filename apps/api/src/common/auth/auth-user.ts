import { Role } from '@hocvu/contracts';

/** The caller of a request, as proven by a valid access token. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
  /** The commune a commune admin is scoped to (and a learner's commune); null for province-wide roles. */
  communeId: string | null;
}

/** Claims inside an access token. Short names keep the token small on slow links. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  sid: string;
  cid: string | null;
}

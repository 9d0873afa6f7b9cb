import { CITIZEN_ID_PATTERN, Gender, GENDERS } from '@hocvu/contracts';

/** What Hocvu takes from a VNeID ID token (see docs/vneid-adapter.md, "Claims"). */
export interface VneidIdentity {
  citizenId: string;
  fullName: string;
  /** YYYY-MM-DD, or null when VNeID did not say. */
  birthDate: string | null;
  gender: Gender | null;
  level: 1 | 2;
}

/**
 * Reads and checks the claims of a verified ID token. The signature, issuer, audience, nonce and
 * expiry were checked by openid-client; this refuses tokens whose content Hocvu cannot use.
 */
export function identityFromClaims(claims: Record<string, unknown>): VneidIdentity | string {
  const citizenId = claims.citizen_id;
  if (typeof citizenId !== 'string' || !CITIZEN_ID_PATTERN.test(citizenId))
    return 'citizen_id missing or not 12 digits';
  const name = typeof claims.name === 'string' ? claims.name.normalize('NFC').trim() : '';
  if (name.length === 0 || name.length > 120) return 'name missing or too long';
  const level = claims.identification_level;
  if (level !== 1 && level !== 2) return 'identification_level must be 1 or 2';
  const birthDate =
    typeof claims.birthdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate)
      ? claims.birthdate
      : null;
  const gender = GENDERS.find((known) => known === claims.gender) ?? null;
  return { citizenId, fullName: name, birthDate, gender, level };
}

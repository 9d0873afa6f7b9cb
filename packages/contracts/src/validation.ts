/**
 * Validation rules shared by the API (DTO validators) and the portal (form hints), so a form never
 * accepts what the server will reject.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const FULL_NAME_MAX_LENGTH = 120;

export type PasswordRule = 'minLength' | 'maxLength' | 'letter' | 'digit';

/** Returns the password rules that `password` breaks (empty when it is acceptable). */
export function passwordProblems(password: string): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('minLength');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('maxLength');
  if (!/\p{L}/u.test(password)) problems.push('letter');
  if (!/\d/.test(password)) problems.push('digit');
  return problems;
}

/**
 * Vietnamese mobile numbers: 10 digits starting 03/05/07/08/09, written locally (0912…) or
 * internationally (+84912…, 84912…). Spaces, dots and dashes are tolerated. Returns E.164 or null.
 */
export function normaliseVietnamesePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^84\d{9}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  if (!/^[35789]\d{8}$/.test(national)) return null;
  return `+84${national}`;
}

/** Crude but sufficient check to route a sign-in identifier; the API validates fully. */
export function looksLikeEmail(identifier: string): boolean {
  return identifier.includes('@');
}

/** A citizen id (căn cước / số định danh cá nhân): 12 digits. */
export const CITIZEN_ID_PATTERN = /^\d{12}$/;

/** Masks a citizen id for display: 001234567889 → 0012******89 (never shown or logged whole). */
export function maskCitizenId(citizenId: string): string {
  if (citizenId.length < 8) return '******';
  return `${citizenId.slice(0, 4)}${'*'.repeat(citizenId.length - 6)}${citizenId.slice(-2)}`;
}

/** Masks a phone for display and logs: +84912345678 → +84912***678. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '***';
  return `${phone.slice(0, 6)}***${phone.slice(-3)}`;
}

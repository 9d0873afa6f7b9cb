/**
 * Learner QR codes for community-session attendance, shared by the API (which issues and resolves
 * them) and the portal (which shows and scans them).
 *
 * A token is twelve characters of Crockford's base32 alphabet (no I, L, O, U: nothing to misread when
 * typed by hand from a phone screen), 60 random bits: not guessable, and carrying nothing about the
 * person — the server maps it to the account. Short on purpose: the QR stays a coarse low-version code
 * that a cheap phone camera reads from another cheap phone's screen.
 */
export const QR_TOKEN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const QR_TOKEN_LENGTH = 12;
/** What the QR holds: a prefix so a scanner knows the code is ours, then the token. */
export const QR_PAYLOAD_PREFIX = 'HOCVU:';

/** Grouped by four for reading aloud and typing: ABCD-EFGH-JKMN. */
export function formatQrToken(token: string): string {
  return token.match(/.{1,4}/g)?.join('-') ?? token;
}

export function qrPayload(token: string): string {
  return `${QR_PAYLOAD_PREFIX}${token}`;
}

/**
 * A scanned payload or a hand-typed code back to the stored token, or null when it cannot be one.
 * Case, spaces and dashes are ignored; O, I and L are read as the digits they look like.
 */
export function parseQrToken(input: string): string | null {
  let text = input.trim().toUpperCase();
  if (text.startsWith(QR_PAYLOAD_PREFIX)) text = text.slice(QR_PAYLOAD_PREFIX.length);
  const token = text.replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (token.length !== QR_TOKEN_LENGTH) return null;
  for (const char of token) if (!QR_TOKEN_ALPHABET.includes(char)) return null;
  return token;
}

/** Attendance is recorded by scanning the learner's QR code or by ticking them on a list. */
export const ATTENDANCE_METHODS = ['qr', 'list'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/**
 * The plan's figure: each digital ambassador guides at least five learners. The dashboard's aggregate
 * (migrations/1764930000000-CampaignCommunityStats.ts, campaign_ambassadors.with_minimum) has it as a
 * literal: changing it here needs a migration that redefines that view.
 */
export const AMBASSADOR_MINIMUM_LEARNERS = 5;

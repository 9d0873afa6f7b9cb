import { createHash } from 'node:crypto';

/** VNeID's limit and alphabet for `courseCode` (docs/vneid-adapter.md). */
const MAX_LENGTH = 64;
const ALLOWED = /^[A-Za-z0-9._-]+$/;

/**
 * The `courseCode` VNeID gets for a course slug or skill programme code. Most pass as they are; a slug
 * longer than 64 characters (the API makes up to 87) or a code with other characters is shortened to
 * its readable start plus a hash of the whole, so it stays stable across retries and two courses
 * never share one.
 */
export function attestationCourseCode(code: string): string {
  if (code.length <= MAX_LENGTH && ALLOWED.test(code)) return code;
  const hash = createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 8);
  const readable = code
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_LENGTH - hash.length - 1)
    .replace(/-+$/, '');
  return readable === '' ? hash : `${readable}-${hash}`;
}

import { CERTIFICATE_SERIAL_PATTERN } from '@hocvu/contracts';

/** A certificate credential is a few kilobytes; anything much larger is not one. */
export const MAX_CREDENTIAL_FILE_BYTES = 512 * 1024;

export type CredentialFileProblem = 'notJson' | 'tooLarge' | 'empty';

export type ParsedCredential =
  { ok: true; credential: Record<string, unknown> } | { ok: false; problem: CredentialFileProblem };

/**
 * The text of an uploaded file as the credential object to send for checking. Anything that is not a
 * JSON object (a PDF, a photo, a list) is refused here, without asking the server.
 */
export function parseCredentialText(text: string): ParsedCredential {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'notJson' };
  }
  return { ok: true, credential: value as Record<string, unknown> };
}

/** Reads a chosen file as text (FileReader: available in every WebView the portal supports). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}

/**
 * A serial as typed from paper: spaces dropped, lower case raised, long dashes made plain
 * ("db – 2026 – 000123" → "DB-2026-000123"); null when it still is not a serial.
 */
export function normaliseSerial(input: string): string | null {
  const serial = input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
  return CERTIFICATE_SERIAL_PATTERN.test(serial) ? serial : null;
}

/** What the verifier may report about an uploaded credential (see packages/credentials). */
export const CREDENTIAL_PROBLEM_CODES = [
  'MALFORMED',
  'UNKNOWN_CONTEXT',
  'UNKNOWN_ISSUER',
  'SIGNATURE_INVALID',
  'NOT_YET_VALID',
  'EXPIRED',
  'REVOKED',
  'STATUS_UNAVAILABLE',
  'STATUS_LIST_INVALID',
] as const;
export type CredentialProblemCode = (typeof CREDENTIAL_PROBLEM_CODES)[number] | 'OTHER';

function isKnownProblem(code: string): code is (typeof CREDENTIAL_PROBLEM_CODES)[number] {
  return (CREDENTIAL_PROBLEM_CODES as readonly string[]).includes(code);
}

/**
 * The problems to explain, each once, in the order reported; a code this portal does not know yet is
 * explained in general words rather than shown raw.
 */
export function problemCodes(problems: readonly { code: string }[]): CredentialProblemCode[] {
  const codes: CredentialProblemCode[] = [];
  for (const { code } of problems) {
    const known: CredentialProblemCode = isKnownProblem(code) ? code : 'OTHER';
    if (!codes.includes(known)) codes.push(known);
  }
  return codes;
}

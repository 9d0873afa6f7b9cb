/**
 * Certificates as API, worker and portal share them: kinds, attestation states, the serial format
 * and the masking of a learner's name on the public verification page.
 */

export const CertificateKind = {
  /** Issued automatically when a learner completes a course. */
  Course: 'course',
  /** Issued by admins (four eyes) against a skill programme, e.g. after an in-person assessment. */
  Skill: 'skill',
} as const;
export type CertificateKind = (typeof CertificateKind)[keyof typeof CertificateKind];

/**
 * Where a certificate's VNeID attestation stands. `pending` → `sent` → `confirmed` | `rejected`;
 * `failed` is the dead letter: retries ran out, an admin can send it again.
 */
export const AttestationState = {
  Pending: 'pending',
  Sent: 'sent',
  Confirmed: 'confirmed',
  Rejected: 'rejected',
  Failed: 'failed',
} as const;
export type AttestationState = (typeof AttestationState)[keyof typeof AttestationState];
export const ATTESTATION_STATES: readonly AttestationState[] = Object.values(AttestationState);

export const CertificateBatchState = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
} as const;
export type CertificateBatchState = (typeof CertificateBatchState)[keyof typeof CertificateBatchState];

/** `DB-2026-000123`: prefix, year of issue, number (at least six digits). */
export const CERTIFICATE_SERIAL_PATTERN = /^[A-Z]{1,8}-\d{4}-\d{6,}$/;

export function formatCertificateSerial(prefix: string, year: number, number: number | bigint): string {
  return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}

/** The idempotency key VNeID sees for a certificate's attestation: one per certificate, ever. */
export function attestationIdempotencyKey(certificateId: string): string {
  return `certificate:${certificateId}`;
}

/**
 * A name as the public verification page shows it: the family name in full, then each other word's
 * first letter ("Quàng Thị Hoa" → "Quàng T** H**"). Whoever holds the certificate can compare it with
 * the printed name; a stranger guessing serials learns little.
 */
export function maskLearnerName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words
    .map((word, index) => {
      if (index === 0) return word;
      const letters = [...word];
      return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
    })
    .join(' ');
}

/**
 * The public addresses a certificate's credential names, all on the installation's PUBLIC_URL (the
 * portal serves the pages and proxies `/api` and `/.well-known` to the API). Worker and API build them
 * the same way, so what is signed is what is served.
 */
export const certificateUrls = {
  /** The verification page (the credential's `id` and the PDF's QR code). */
  verification: (publicUrl: string, serial: string) => `${publicUrl}/verify/${encodeURIComponent(serial)}`,
  /** The Bitstring Status List credential holding the certificate's revocation bit. */
  statusList: (publicUrl: string, list: number) => `${publicUrl}/api/credentials/status/${list}`,
  /** The achievement of a course (the same for every learner of it). */
  courseAchievement: (publicUrl: string, courseSlug: string) =>
    `${publicUrl}/courses/${encodeURIComponent(courseSlug)}#certificate`,
  /** The achievement of a skill programme: the API describes the programme there (public JSON). */
  skillAchievement: (publicUrl: string, programmeCode: string) =>
    `${publicUrl}/api/skill-programmes/${encodeURIComponent(programmeCode)}`,
} as const;

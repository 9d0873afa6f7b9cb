import { describe, expect, it } from '@jest/globals';

import { vneidStateOf } from './certificate-states';
import { certificatesByCourse, type MyCertificate } from './my-certificates';

const attestation = (state: 'pending' | 'sent' | 'confirmed' | 'rejected' | 'failed') => ({
  state,
  sentAt: null,
  decidedAt: null,
  rejectionReason: null,
});

describe('VNeID state as a learner sees it', () => {
  it('is "not sent" when the learner was never sent (not identity-verified)', () => {
    expect(vneidStateOf(null)).toBe('notSent');
    expect(vneidStateOf(undefined)).toBe('notSent');
  });

  it('folds queued, sent and dead-lettered into "being sent"', () => {
    expect(vneidStateOf(attestation('pending'))).toBe('sending');
    expect(vneidStateOf(attestation('sent'))).toBe('sending');
    expect(vneidStateOf(attestation('failed'))).toBe('sending');
  });

  it('says what VNeID decided', () => {
    expect(vneidStateOf(attestation('confirmed'))).toBe('confirmed');
    expect(vneidStateOf(attestation('rejected'))).toBe('rejected');
  });
});

describe('certificates by course', () => {
  const certificate = (serial: string, courseId: string | null, status: 'valid' | 'revoked') =>
    ({ serial, courseId, status }) as MyCertificate;

  it('maps each course to its valid certificate, skipping skill and revoked ones', () => {
    const map = certificatesByCourse([
      certificate('DB-2026-000001', 'course-a', 'revoked'),
      certificate('DB-2026-000002', 'course-a', 'valid'),
      certificate('DB-2026-000003', null, 'valid'),
      certificate('DB-2026-000004', 'course-b', 'valid'),
    ]);
    expect([...map.entries()]).toEqual([
      ['course-a', 'DB-2026-000002'],
      ['course-b', 'DB-2026-000004'],
    ]);
  });
});

import type { Schema } from '@hocvu/api-client';

type Attestation = Schema<'AttestationSummaryDto'>;

/**
 * What a learner is told about VNeID: four plain states. Queued, sent and still being retried are all
 * "being sent" to them (a dead letter is the admins' business; they send it again).
 */
export type VneidState = 'notSent' | 'sending' | 'confirmed' | 'rejected';

export function vneidStateOf(attestation: Attestation | null | undefined): VneidState {
  if (!attestation) return 'notSent';
  switch (attestation.state) {
    case 'confirmed':
      return 'confirmed';
    case 'rejected':
      return 'rejected';
    default:
      return 'sending';
  }
}

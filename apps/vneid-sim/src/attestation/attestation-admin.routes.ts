import type { FastifyInstance } from 'fastify';

import type { AttestationStore } from './attestation-store';

/**
 * What the simulator received, for tests: every record and, per idempotency key, how many requests
 * arrived and how many records they made — "confirmed exactly once" is `recorded === 1` for each key.
 */
export function attestationAdminRoutes(app: FastifyInstance, store: AttestationStore): void {
  app.get('/admin/attestations', () => {
    const { records, keys } = store.snapshot();
    return {
      records,
      keys,
      totals: {
        records: records.length,
        accepted: records.filter((record) => record.status === 'accepted').length,
        rejected: records.filter((record) => record.status === 'rejected').length,
        requests: keys.reduce((sum, key) => sum + key.received, 0),
      },
    };
  });
}

import type { CompletionRecord } from '@hocvu/attestation';
import { randomUUID } from 'node:crypto';

export interface StoredAttestation {
  id: string;
  idempotencyKey: string;
  status: 'accepted' | 'rejected';
  reason: 'unknown_citizen' | 'data_mismatch' | null;
  fields: string[];
  record: CompletionRecord;
  /** `kid` of the key that signed it. */
  keyId: string | null;
  receivedAt: string;
}

/** What happened to the requests that carried one idempotency key, for "exactly once" assertions. */
export interface KeyCounters {
  /** POSTs that carried the key, whatever their fate. */
  received: number;
  /** Records created: 0 or 1, never more. */
  recorded: number;
  /** Retries answered "duplicate" (or the stored rejection again). */
  duplicates: number;
  /** Reuses with a different record (409). */
  conflicts: number;
  /** Requests that met an injected fault (429, 500/503, maintenance, timeout). */
  faults: number;
}

/**
 * Received attestations, in memory: this is a simulator — a restart (or POST /admin/reset) forgets
 * everything, which is what tests want. One record per idempotency key is the invariant the real
 * service must also keep.
 */
export class AttestationStore {
  private readonly records = new Map<string, StoredAttestation>();
  private readonly counters = new Map<string, KeyCounters>();

  find(idempotencyKey: string): StoredAttestation | undefined {
    return this.records.get(idempotencyKey);
  }

  /** Stores a new record; the caller has checked (synchronously, with no await since) that the key is free. */
  insert(entry: Omit<StoredAttestation, 'id' | 'receivedAt'>): StoredAttestation {
    if (this.records.has(entry.idempotencyKey))
      throw new Error(`${entry.idempotencyKey} is already recorded`);
    const stored = { id: `att_${randomUUID()}`, receivedAt: new Date().toISOString(), ...entry };
    this.records.set(entry.idempotencyKey, stored);
    this.count(entry.idempotencyKey, 'recorded');
    return stored;
  }

  count(idempotencyKey: string, counter: keyof KeyCounters): void {
    const counters = this.counters.get(idempotencyKey) ?? {
      received: 0,
      recorded: 0,
      duplicates: 0,
      conflicts: 0,
      faults: 0,
    };
    counters[counter] += 1;
    this.counters.set(idempotencyKey, counters);
  }

  snapshot(): { records: StoredAttestation[]; keys: (KeyCounters & { idempotencyKey: string })[] } {
    return {
      records: [...this.records.values()],
      keys: [...this.counters.entries()].map(([idempotencyKey, counters]) => ({
        idempotencyKey,
        ...counters,
      })),
    };
  }

  reset(): void {
    this.records.clear();
    this.counters.clear();
  }
}

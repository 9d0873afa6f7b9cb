import { type AttestationKeyPair, generateAttestationKeyPair } from '@hocvu/attestation';
import { type SimulatorProcess, startVneidSimulatorProcess } from '@hocvu/attestation/testing';

/** The simulator's view of one idempotency key (GET /admin/attestations). */
export interface KeyCounters {
  idempotencyKey: string;
  received: number;
  recorded: number;
  duplicates: number;
  conflicts: number;
  faults: number;
}

export interface Inspection {
  records: {
    id: string;
    idempotencyKey: string;
    status: 'accepted' | 'rejected';
    reason: string | null;
    fields: string[];
    record: Record<string, string>;
    keyId: string | null;
  }[];
  keys: KeyCounters[];
  totals: { records: number; accepted: number; rejected: number; requests: number };
}

export interface FaultProfile {
  latencyMs?: number;
  errorRate?: number;
  rateLimitRate?: number;
  timeoutRate?: number;
  afterCommitShare?: number;
  retryAfterSeconds?: number;
  maintenance?: boolean | { until: string };
  seed?: number;
}

/**
 * The real VNeID simulator in its own process, trusting a fresh attestation key whose private half
 * the worker signs with (VNEID_ATTESTATION_SIGNING_KEY), and its admin API for faults and inspection.
 */
export class VneidSimulator {
  private constructor(
    readonly process: SimulatorProcess,
    readonly key: AttestationKeyPair,
  ) {}

  static async start(): Promise<VneidSimulator> {
    const key = await generateAttestationKeyPair();
    const process = await startVneidSimulatorProcess({
      env: { VNEID_SIM_TRUSTED_JWKS: JSON.stringify({ keys: [key.publicJwk] }) },
    });
    return new VneidSimulator(process, key);
  }

  get url(): string {
    return this.process.url;
  }

  /** Worker settings that make it push to this simulator with the trusted key. */
  workerEnv(): Record<string, string> {
    return {
      VNEID_ATTESTATION_URL: this.url,
      VNEID_ATTESTATION_SIGNING_KEY: JSON.stringify(this.key.privateJwk),
    };
  }

  /** Replaces the whole fault profile (what is omitted means no fault). */
  async faults(profile: FaultProfile): Promise<void> {
    await this.admin('PUT', '/admin/faults', profile);
  }

  /** Forgets every record and counter, and every fault. */
  async reset(): Promise<void> {
    await this.admin('POST', '/admin/reset');
  }

  async inspect(): Promise<Inspection> {
    return (await (await this.admin('GET', '/admin/attestations')).json()) as Inspection;
  }

  stop(): Promise<void> {
    return this.process.stop();
  }

  private async admin(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'x-admin-token': this.process.adminToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  }
}

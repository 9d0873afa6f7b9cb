/**
 * How the simulated service misbehaves. Rates are shares of attestation requests (0–1, at most 1 in
 * total); maintenance closes everything but /admin and /health, the OpenID Connect provider included.
 */
export interface FaultSettings {
  /** Added before every attestation API answer. */
  latencyMs: number;
  /** Answered 500 or 503 (half each). */
  errorRate: number;
  /** Answered 429 with Retry-After. */
  rateLimitRate: number;
  /** Never answered: the request hangs until the client gives up. */
  timeoutRate: number;
  /**
   * Of the injected errors and timeouts, the share that strikes after the record was stored — the
   * client learns nothing although the service has the record, the case idempotency keys exist for.
   */
  afterCommitShare: number;
  /** Seconds in Retry-After for 429s, and for maintenance without an end time. */
  retryAfterSeconds: number;
  /** `true` until lifted, or until a time (then it ends by itself). */
  maintenance: boolean | { until: string };
  /** Seed of the dice; the same seed and the same request order give the same faults. */
  seed: number;
}

export const NO_FAULTS: Omit<FaultSettings, 'seed'> = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  timeoutRate: 0,
  afterCommitShare: 0.5,
  retryAfterSeconds: 2,
  maintenance: false,
};

export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * Reads settings sent to PUT /admin/faults: what is omitted takes the no-fault default (a PUT describes
 * the whole fault profile). Returns the problems instead when there are any.
 */
export function parseFaultSettings(input: unknown): { settings: FaultSettings } | { problems: string[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { problems: ['the body must be a JSON object'] };
  }
  const body = input as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set([...Object.keys(NO_FAULTS), 'seed']);
  for (const key of Object.keys(body)) if (!known.has(key)) problems.push(`${key}: unknown setting`);

  const number = (key: keyof typeof NO_FAULTS, min: number, max: number, integer: boolean): number => {
    const value = body[key] ?? NO_FAULTS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      problems.push(`${key}: must be a number from ${min} to ${max}`);
    } else if (integer && !Number.isInteger(value)) {
      problems.push(`${key}: must be a whole number`);
    }
    return value as number;
  };
  const settings: FaultSettings = {
    latencyMs: number('latencyMs', 0, 60_000, true),
    errorRate: number('errorRate', 0, 1, false),
    rateLimitRate: number('rateLimitRate', 0, 1, false),
    timeoutRate: number('timeoutRate', 0, 1, false),
    afterCommitShare: number('afterCommitShare', 0, 1, false),
    retryAfterSeconds: number('retryAfterSeconds', 0, 86_400, true),
    maintenance: false,
    seed: randomSeed(),
  };
  if (settings.errorRate + settings.rateLimitRate + settings.timeoutRate > 1 + 1e-9) {
    problems.push('errorRate + rateLimitRate + timeoutRate: must be at most 1');
  }

  const maintenance = body['maintenance'];
  if (maintenance === undefined || typeof maintenance === 'boolean') {
    settings.maintenance = maintenance ?? false;
  } else if (
    maintenance !== null &&
    typeof maintenance === 'object' &&
    typeof (maintenance as { until?: unknown }).until === 'string' &&
    !Number.isNaN(Date.parse((maintenance as { until: string }).until))
  ) {
    settings.maintenance = { until: new Date((maintenance as { until: string }).until).toISOString() };
  } else {
    problems.push('maintenance: must be true, false or { "until": "<ISO date-time>" }');
  }

  const seed = body['seed'];
  if (seed !== undefined && seed !== null) {
    if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)
      settings.seed = seed;
    else problems.push('seed: must be a whole number from 0 to 4294967295');
  }
  return problems.length > 0 ? { problems } : { settings };
}

/** The maintenance setting of VNEID_SIM_MAINTENANCE: "true", "false" or an ISO end time (null if unreadable). */
export function parseMaintenance(value: string): FaultSettings['maintenance'] | null {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  const until = Date.parse(value);
  return Number.isNaN(until) ? null : { until: new Date(until).toISOString() };
}

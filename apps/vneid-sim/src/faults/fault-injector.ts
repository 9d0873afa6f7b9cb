import type { ServerResponse } from 'node:http';

import type { FaultSettings } from './fault-settings';

/** What the dice decided for one attestation request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rate_limit' }
  | { kind: 'error'; status: 500 | 503; afterCommit: boolean }
  | { kind: 'timeout'; afterCommit: boolean };

/**
 * Mulberry32: a tiny seeded generator. Not for secrets — for faults that a test can replay by seed.
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The simulator's current fault profile and its dice. Settings change at run time (PUT /admin/faults);
 * `reset` goes back to the profile the simulator started with.
 */
export class FaultInjector {
  private current: FaultSettings;
  private random: () => number;
  private readonly hanging = new Set<ServerResponse>();

  constructor(
    private readonly initial: FaultSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.current = initial;
    this.random = seededRandom(initial.seed);
  }

  get settings(): FaultSettings {
    return this.current;
  }

  /** Replaces the whole profile and restarts the dice from its seed. */
  replace(settings: FaultSettings): void {
    this.current = settings;
    this.random = seededRandom(settings.seed);
  }

  reset(): void {
    this.replace(this.initial);
  }

  /** Whether maintenance is on now, and the Retry-After (seconds) to announce while it is. */
  maintenance(): { active: boolean; retryAfterSeconds: number } {
    const { maintenance, retryAfterSeconds } = this.current;
    if (maintenance === false) return { active: false, retryAfterSeconds: 0 };
    if (maintenance === true) return { active: true, retryAfterSeconds };
    const left = Date.parse(maintenance.until) - this.now();
    return left > 0
      ? { active: true, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) }
      : { active: false, retryAfterSeconds: 0 };
  }

  /**
   * One roll per request: [timeout | rate limit | error | none] by their rates, then (for errors and
   * timeouts) whether it strikes before or after the record is stored. Rolls happen in request order,
   * so a fixed seed and a sequential client give the same faults on every run.
   */
  decide(): FaultDecision {
    const { timeoutRate, rateLimitRate, errorRate, afterCommitShare } = this.current;
    const roll = this.random();
    if (roll < timeoutRate) return { kind: 'timeout', afterCommit: this.random() < afterCommitShare };
    if (roll < timeoutRate + rateLimitRate) return { kind: 'rate_limit' };
    if (roll < timeoutRate + rateLimitRate + errorRate) {
      const status = this.random() < 0.5 ? 500 : 503;
      return { kind: 'error', status, afterCommit: this.random() < afterCommitShare };
    }
    return { kind: 'none' };
  }

  /** Holds a response unanswered until the client disconnects or the simulator closes. */
  hang(response: ServerResponse): Promise<void> {
    this.hanging.add(response);
    return new Promise((resolve) => {
      response.once('close', () => {
        this.hanging.delete(response);
        resolve();
      });
    });
  }

  /** Ends every hanging request (closing the simulator must not wait for clients that never give up). */
  releaseAll(): void {
    for (const response of this.hanging) response.destroy();
  }
}

/**
 * A circuit breaker around the attestation service, one per worker process. After `threshold`
 * consecutive failed calls it opens: no calls for `cooldownMs`, so an outage does not burn through
 * every attestation's retries. Then it lets one probe call through (half-open); success closes it,
 * failure opens it again. A rate limit with Retry-After pauses calls for that long whatever the state.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private pausedUntil = 0;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.failures < this.threshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** How many calls may start now: all (Infinity), one probe, or none. */
  permits(): number {
    if (this.now() < this.pausedUntil) return 0;
    switch (this.state) {
      case 'closed':
        return Number.POSITIVE_INFINITY;
      case 'open':
        return 0;
      case 'half-open':
        return this.probing ? 0 : 1;
    }
  }

  /** When calls may start again (ms epoch); 0 when they may now. */
  get blockedUntil(): number {
    const until = Math.max(this.pausedUntil, this.state === 'open' ? this.openUntil : 0);
    return until > this.now() ? until : 0;
  }

  /**
   * Takes the right to make one call now: `call` (closed), `probe` (the single half-open trial) or null
   * (wait). Synchronous, so concurrent lanes of one process can never both take the probe.
   */
  acquire(): 'call' | 'probe' | null {
    const permits = this.permits();
    if (permits === 0) return null;
    if (permits === 1) {
      this.probing = true;
      return 'probe';
    }
    return 'call';
  }

  /** A taken permit whose call was not made after all: a probe goes back to whoever asks next. */
  abandon(permit: 'call' | 'probe'): void {
    if (permit === 'probe') this.probing = false;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.probing = false;
  }

  failure(): void {
    this.failures += 1;
    this.probing = false;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
  }

  /** The service asked for a pause (429/503 with Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}

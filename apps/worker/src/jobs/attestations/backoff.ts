/**
 * Delay before the next try of an attestation: exponential from `baseMs` (doubling per attempt made),
 * capped at `maxMs`, with "equal jitter" (half fixed, half random) so rows that failed together do not
 * come back together; never earlier than the service's Retry-After.
 */
export function retryDelayMs(
  attemptsMade: number,
  options: { baseMs: number; maxMs: number; retryAfterMs?: number },
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, options.retryAfterMs ?? 0));
}

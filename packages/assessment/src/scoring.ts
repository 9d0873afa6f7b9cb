/**
 * An attempt's score, its clock and the rules for starting another one. Times are Dates and `now` is
 * always passed in, so the server's clock decides (the portal only displays what the server computed).
 */

export interface AttemptScore {
  /** Sum of the question scores. */
  points: number;
  /** Number of questions in the attempt. */
  maxPoints: number;
  /** points / maxPoints × 100, rounded DOWN to one decimal (77.7 for 7 of 9): never rounded up to a pass. */
  percent: number;
  /** percent ≥ the passing score. */
  passed: boolean;
}

/**
 * Scores an attempt from the scores (0–1) of ALL its questions — an unanswered question counts as 0, so
 * pass one entry per question of the attempt (`grade(question, null)` gives 0). `passingPercent` is 0–100
 * and may have one decimal. Throws RangeError for an attempt without questions or out-of-range numbers.
 */
export function scoreAttempt(questionScores: readonly number[], passingPercent: number): AttemptScore {
  if (questionScores.length === 0) throw new RangeError('An attempt has at least one question');
  if (!Number.isFinite(passingPercent) || passingPercent < 0 || passingPercent > 100) {
    throw new RangeError(`The passing score must be 0–100, not ${passingPercent}`);
  }
  let points = 0;
  for (const score of questionScores) {
    if (!Number.isFinite(score) || score < 0 || score > 1) {
      throw new RangeError(`A question score must be 0–1, not ${score}`);
    }
    points += score;
  }
  const maxPoints = questionScores.length;
  // The small epsilon absorbs float error (1/3 + 1/3 + 1/3, 0.7 × 100) without ever crossing a real tenth.
  const percent = Math.min(100, Math.floor((points * 1000) / maxPoints + 1e-9) / 10);
  return { points, maxPoints, percent, passed: percent >= passingPercent };
}

/**
 * When an attempt must be submitted: `timeLimitSeconds` after it started, or earlier when the quiz itself
 * closes (an exam window ending at a fixed time). Null when there is neither a time limit nor a closing
 * time.
 */
export function attemptDeadline(
  startedAt: Date,
  timeLimitSeconds: number | null,
  closesAt: Date | null = null,
): Date | null {
  if (timeLimitSeconds !== null && (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0)) {
    throw new RangeError(`A time limit must be a positive number of seconds, not ${timeLimitSeconds}`);
  }
  const limit = timeLimitSeconds === null ? null : startedAt.getTime() + timeLimitSeconds * 1000;
  const close = closesAt === null ? null : closesAt.getTime();
  if (limit === null && close === null) return null;
  return new Date(Math.min(limit ?? Infinity, close ?? Infinity));
}

/**
 * Whole seconds left to answer at `now`, rounded DOWN and never negative (a client counting down from it
 * submits before the server's deadline, not just after it); null when the attempt has no deadline.
 */
export function remainingSeconds(
  startedAt: Date,
  timeLimitSeconds: number | null,
  now: Date,
  closesAt: Date | null = null,
): number | null {
  const deadline = attemptDeadline(startedAt, timeLimitSeconds, closesAt);
  if (deadline === null) return null;
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}

/**
 * Whether something arriving `at` is too late for `deadline` (null: never). `graceSeconds` tolerates the
 * network: an answer the learner gave just in time may reach the server a moment after the deadline.
 */
export function isPastDeadline(deadline: Date | null, at: Date, graceSeconds = 0): boolean {
  return deadline !== null && at.getTime() > deadline.getTime() + graceSeconds * 1000;
}

/**
 * Earliest time the next attempt may start: `cooldownMinutes` after the last attempt finished. Null when
 * there is no waiting (no cooldown, or no finished attempt yet).
 */
export function nextAttemptAt(lastFinishedAt: Date | null, cooldownMinutes: number | null): Date | null {
  if (lastFinishedAt === null || cooldownMinutes === null || cooldownMinutes <= 0) return null;
  if (!Number.isFinite(cooldownMinutes)) throw new RangeError(`Bad cooldown ${cooldownMinutes}`);
  return new Date(lastFinishedAt.getTime() + cooldownMinutes * 60_000);
}

/** Attempts still allowed: null = unlimited (no limit set), else never below 0. */
export function attemptsLeft(allowed: number | null, used: number): number | null {
  if (allowed === null) return null;
  return Math.max(0, allowed - used);
}

export interface AttemptAvailabilityInput {
  /** null = unlimited. */
  attemptsAllowed: number | null;
  /** Attempts started so far (finished or not). */
  attemptsUsed: number;
  lastFinishedAt: Date | null;
  /** null or 0 = no cooldown. */
  cooldownMinutes: number | null;
  now: Date;
}

export type AttemptAvailability =
  | { canStart: true; attemptsLeft: number | null }
  | { canStart: false; reason: 'no_attempts_left'; attemptsLeft: 0 }
  | { canStart: false; reason: 'cooling_down'; retryAt: Date; attemptsLeft: number | null };

/**
 * Whether a learner may start a new attempt now, and if not why (for the portal's "retry available at …").
 * Running out of attempts wins over cooling down. An attempt still in progress is the caller's business
 * (resume it rather than start another).
 */
export function attemptAvailability(input: AttemptAvailabilityInput): AttemptAvailability {
  const left = attemptsLeft(input.attemptsAllowed, input.attemptsUsed);
  if (left === 0) return { canStart: false, reason: 'no_attempts_left', attemptsLeft: 0 };
  const retryAt = nextAttemptAt(input.lastFinishedAt, input.cooldownMinutes);
  if (retryAt !== null && input.now.getTime() < retryAt.getTime()) {
    return { canStart: false, reason: 'cooling_down', retryAt, attemptsLeft: left };
  }
  return { canStart: true, attemptsLeft: left };
}

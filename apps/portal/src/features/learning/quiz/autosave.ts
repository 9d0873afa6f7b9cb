/**
 * Autosave of quiz answers over a weak connection. Every answer is queued, saved one request at a
 * time, and kept (in memory and in localStorage, per attempt) until the API has it: a dropped 3G
 * connection, a reload or a flat battery loses nothing. Per question the last answer wins — an answer
 * changed while the previous one is still waiting replaces it; one changed while the previous one is
 * on its way is sent after it. Failures that trying again can cure are retried with growing delays
 * (and at once when the browser says it is back online); refusals are reported and dropped.
 */
import { ErrorCode } from '@hocvu/contracts';

import { ApiError, ClientErrorCode } from '../../../shared/api/api-error';
import type { AnswerPayload, SavedAnswer } from '../api/quiz-api';

/** The API refuses more than an hour per save. */
export const MAX_TIME_SPENT_MS = 3_600_000;

export interface QueuedAnswer {
  questionId: string;
  answer: AnswerPayload;
  /** Time on the question since its last save, in ms. */
  timeSpentMs: number;
}

/**
 * `idle`: nothing saved in this visit yet and nothing waiting; `saving`: a save is on its way;
 * `saved`: everything is saved; `retrying`: a save failed and will be tried again.
 */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'retrying';

/** Where unsaved answers survive a reload (localStorage in the browser). */
export interface PendingAnswerStore {
  load: () => QueuedAnswer[];
  save: (pending: QueuedAnswer[]) => void;
}

export interface AnswerSaverOptions {
  /** Sends one answer; rejects with an ApiError (NETWORK_ERROR when offline). */
  send: (entry: QueuedAnswer) => Promise<SavedAnswer>;
  store?: PendingAnswerStore;
  onStatus?: (status: SaveStatus) => void;
  /** The API has the answer; `result` carries the server's remaining time and any feedback. */
  onSaved?: (entry: QueuedAnswer, result: SavedAnswer) => void;
  /** The API refused the answer (4xx); it is dropped. ATTEMPT_CLOSED also stops all saving. */
  onRefused?: (entry: QueuedAnswer, error: ApiError) => void;
  /** Delay before try n+1 after n failures in a row. */
  retryDelayMs?: (failures: number) => number;
}

/** 1 s, 2 s, 4 s … up to 30 s between tries. */
export function backoffDelayMs(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * Whether trying again may save the answer: no connection, a server fault, a timeout, too many requests,
 * or an expired session (the answer waits until the learner is signed in again).
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.status === 0 ||
    error.status >= 500 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429
  );
}

function addTime(a: number, b: number): number {
  return Math.min(MAX_TIME_SPENT_MS, Math.max(0, Math.round(a + b)));
}

type FlushOutcome = 'done' | 'failed';

export class AnswerSaver {
  /** Answers waiting, oldest change first, at most one per question. */
  private queue = new Map<string, QueuedAnswer>();
  private inFlight: QueuedAnswer | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private savedOnce = false;
  private running = false;
  /** The attempt is closed: nothing more will be accepted. */
  private closed = false;
  private status: SaveStatus = 'idle';
  private waiters: ((outcome: FlushOutcome) => void)[] = [];

  constructor(private readonly options: AnswerSaverOptions) {
    for (const entry of options.store?.load() ?? []) this.queue.set(entry.questionId, entry);
  }

  /** Answers not saved yet, the newest per question (restored from storage after a reload too). */
  pending(): QueuedAnswer[] {
    const newest = new Map<string, QueuedAnswer>();
    if (this.inFlight) newest.set(this.inFlight.questionId, this.inFlight);
    for (const entry of this.queue.values()) newest.set(entry.questionId, entry);
    return [...newest.values()];
  }

  isPending(questionId: string): boolean {
    return this.inFlight?.questionId === questionId || this.queue.has(questionId);
  }

  getStatus(): SaveStatus {
    return this.status;
  }

  /** Starts (or resumes) sending, beginning with answers restored from storage. */
  start(): void {
    this.running = true;
    this.pump();
  }

  /** Stops sending (the page is going away); queued answers stay queued and stored. */
  pause(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Queues an answer; the previous answer to the same question, if still waiting, is replaced. */
  set(questionId: string, answer: AnswerPayload, timeSpentMs = 0): void {
    if (this.closed) return;
    const previous = this.queue.get(questionId);
    this.queue.delete(questionId);
    this.queue.set(questionId, {
      questionId,
      answer,
      // The replaced answer was never sent: its time still has to be counted.
      timeSpentMs: addTime(previous?.timeSpentMs ?? 0, timeSpentMs),
    });
    this.persist();
    // While waiting to retry, a new answer waits too (the connection is just as bad).
    this.pump();
  }

  /** Tries again now instead of at the end of the current delay (e.g. the browser is online again). */
  retryNow(): void {
    if (this.retryTimer === undefined) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.pump();
  }

  /**
   * Sends everything waiting, now. Resolves true once all is saved, false as soon as a save fails in a
   * way worth retrying (the caller decides whether to go on, e.g. submitting when time is up).
   */
  flush(): Promise<boolean> {
    if (!this.busy()) return Promise.resolve(true);
    const outcome = new Promise<boolean>((resolve) =>
      this.waiters.push((result) => resolve(result === 'done')),
    );
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    this.running = true;
    this.pump();
    return outcome;
  }

  private busy(): boolean {
    return this.inFlight !== null || this.queue.size > 0;
  }

  private pump(): void {
    if (!this.running || this.closed || this.inFlight !== null || this.retryTimer !== undefined) {
      this.updateStatus();
      return;
    }
    const next = this.queue.values().next();
    if (next.done) {
      this.updateStatus();
      this.notify('done');
      return;
    }
    const entry = next.value;
    this.queue.delete(entry.questionId);
    this.inFlight = entry;
    this.updateStatus();
    this.options.send(entry).then(
      (result) => this.succeeded(entry, result),
      (error: unknown) => this.failed(entry, error),
    );
  }

  private succeeded(entry: QueuedAnswer, result: SavedAnswer): void {
    this.inFlight = null;
    this.failures = 0;
    this.savedOnce = true;
    this.persist();
    this.options.onSaved?.(entry, result);
    this.pump();
  }

  private failed(entry: QueuedAnswer, error: unknown): void {
    this.inFlight = null;
    if (isRetryable(error)) {
      const newer = this.queue.get(entry.questionId);
      if (newer) {
        // A newer answer to this question waits: it wins, and carries this one's time.
        newer.timeSpentMs = addTime(newer.timeSpentMs, entry.timeSpentMs);
      } else {
        // Back to the front: it was changed before everything still waiting.
        this.queue = new Map([[entry.questionId, entry], ...this.queue]);
      }
      this.failures += 1;
      this.persist();
      const delay = (this.options.retryDelayMs ?? backoffDelayMs)(this.failures);
      if (this.running) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.pump();
        }, delay);
      }
      this.updateStatus();
      this.notify('failed');
      return;
    }
    const refusal =
      error instanceof ApiError
        ? error
        : new ApiError(0, ClientErrorCode.Unknown, 'The answer could not be saved');
    if (refusal.code === ErrorCode.AttemptClosed) {
      this.closed = true;
      this.queue.clear();
    }
    this.persist();
    this.options.onRefused?.(entry, refusal);
    if (this.closed) {
      this.updateStatus();
      this.notify('done');
      return;
    }
    this.pump();
  }

  private persist(): void {
    this.options.store?.save(this.pending());
  }

  private updateStatus(): void {
    let status: SaveStatus;
    if (this.busy()) status = this.failures > 0 ? 'retrying' : 'saving';
    else status = this.savedOnce ? 'saved' : 'idle';
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private notify(outcome: FlushOutcome): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter(outcome);
  }
}

const STORAGE_PREFIX = 'hocvu.quiz.pending.';

function isQueuedAnswer(value: unknown): value is QueuedAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['questionId'] === 'string' &&
    typeof entry['answer'] === 'object' &&
    entry['answer'] !== null &&
    typeof entry['timeSpentMs'] === 'number'
  );
}

/** Unsaved answers of one attempt in localStorage (nothing when storage is blocked: memory still holds them). */
export function localPendingStore(
  attemptId: string,
  storage: Storage | undefined = globalStorage(),
): PendingAnswerStore {
  const key = `${STORAGE_PREFIX}${attemptId}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isQueuedAnswer) : [];
      } catch {
        return [];
      }
    },
    save(pending) {
      try {
        if (pending.length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(pending));
      } catch {
        // Storage full or blocked (private mode, some WebViews): the answers stay in memory.
      }
    },
  };
}

/** Forgets an attempt's unsaved answers (it is finished: there is nothing left to save them to). */
export function clearPendingAnswers(attemptId: string, storage: Storage | undefined = globalStorage()): void {
  try {
    storage?.removeItem(`${STORAGE_PREFIX}${attemptId}`);
  } catch {
    // blocked storage: nothing was kept there either
  }
}

function globalStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

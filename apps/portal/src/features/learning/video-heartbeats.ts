import type { paths, Schema } from '@hocvu/api-client';

import { ApiError, isTransientError } from '../../shared/api/api-error';
import { mergeIntervals, type PlayedInterval } from '../video/played-intervals';

export type HeartbeatBody = Schema<'HeartbeatDto'>;
export type HeartbeatResult = Schema<'HeartbeatResultDto'>;

/**
 * Public, authorised by the playback token in the body rather than a bearer header: the last report
 * of a visit can then go out with `navigator.sendBeacon` while the page closes.
 */
export const HEARTBEAT_PATH = '/api/learn/heartbeats' satisfies keyof paths;

/** The API refuses a heartbeat with more intervals than this (HEARTBEAT_INVALID). */
const MAX_INTERVALS = 100;
/** A report that failed on the network or a busy server is sent again this much later, if nothing else went first. */
const RETRY_DELAY_MS = 15_000;

export interface HeartbeatTransport {
  /** Sends a heartbeat and reads the answer; rejects with an ApiError (NETWORK_ERROR when offline). */
  post: (body: HeartbeatBody) => Promise<HeartbeatResult>;
  /** Queues a heartbeat that must survive the page closing; false when the browser refused it. */
  beacon: (body: HeartbeatBody) => boolean;
}

export interface WatchReport {
  intervals: PlayedInterval[];
  position: number;
  /** The page is being hidden or closed, or the player is closing. */
  final: boolean;
}

export interface HeartbeatCallbacks {
  /** The API's answer: seconds and percent watched in all, and whether the lesson is now complete. */
  onResult: (result: HeartbeatResult) => void;
  /** A refusal (4xx): the token expired, or the report was implausible. Not retried. */
  onRefused: (error: ApiError) => void;
  /** Whether a report is waiting to be sent again (after a network failure or a 503). */
  onRetryPending: (pending: boolean) => void;
}

/**
 * Sends what the player says was watched to the API. Reports go out with `fetch(…, { keepalive })`,
 * the last one of a visit with `sendBeacon`. A report that fails on the network or with a 5xx is tried
 * once more, its intervals merged into the next report (or sent on their own a little later when the
 * player has nothing new, e.g. paused): the API merges intervals, so sending one twice is harmless.
 */
export class HeartbeatReporter {
  /** Intervals of a failed report, to be tried once more with the next one. */
  private carried: PlayedInterval[] = [];
  private lastPosition = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly playbackToken: string,
    private readonly transport: HeartbeatTransport,
    private readonly callbacks: HeartbeatCallbacks,
    private readonly retryDelayMs = RETRY_DELAY_MS,
  ) {}

  report({ intervals, position, final }: WatchReport): void {
    this.lastPosition = position;
    const carried = this.takeCarried();
    const body: HeartbeatBody = {
      playbackToken: this.playbackToken,
      intervals: joinIntervals(carried, intervals),
      position,
    };
    if (final && this.transport.beacon(body)) return;
    void this.send(body, intervals);
  }

  /** Stops the retry timer (the player is gone); a report still accepted later is sent as usual. */
  dispose(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async send(body: HeartbeatBody, fresh: PlayedInterval[]): Promise<void> {
    try {
      this.callbacks.onResult(await this.transport.post(body));
    } catch (failure) {
      if (isTransientError(failure)) {
        // Only this report's own intervals get their second chance; those it carried had theirs.
        this.carry(fresh);
      } else if (failure instanceof ApiError) {
        this.callbacks.onRefused(failure);
      }
    }
  }

  private carry(intervals: PlayedInterval[]): void {
    this.carried = mergeIntervals([...this.carried, ...intervals]);
    if (this.carried.length === 0) return;
    this.callbacks.onRetryPending(true);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.carried.length > 0) this.report({ intervals: [], position: this.lastPosition, final: false });
    }, this.retryDelayMs);
  }

  private takeCarried(): PlayedInterval[] {
    const carried = this.carried;
    this.carried = [];
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (carried.length > 0) this.callbacks.onRetryPending(false);
    return carried;
  }
}

/** One report's intervals, merged; within the API's limit, dropping the oldest carried ones first. */
export function joinIntervals(carried: PlayedInterval[], fresh: PlayedInterval[]): PlayedInterval[] {
  const joined = mergeIntervals([...carried, ...fresh]);
  if (joined.length <= MAX_INTERVALS) return joined;
  const own = mergeIntervals(fresh);
  return own.length >= MAX_INTERVALS ? own.slice(-MAX_INTERVALS) : joinIntervals(carried.slice(1), fresh);
}

/** The browser's way of sending heartbeats: `fetch` with keepalive, and `sendBeacon` for the last one. */
export const browserHeartbeatTransport: HeartbeatTransport = {
  async post(body) {
    let response: Response;
    try {
      response = await fetch(HEARTBEAT_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        // Still delivered when the learner leaves the page right after.
        keepalive: true,
        credentials: 'same-origin',
      });
    } catch (cause) {
      throw ApiError.network(cause);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok || json === null) throw ApiError.fromBody(response.status, json);
    return json as HeartbeatResult;
  },
  beacon(body) {
    if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return false;
    const blob = new Blob([JSON.stringify(body)], { type: 'application/json' });
    return navigator.sendBeacon(HEARTBEAT_PATH, blob);
  },
};

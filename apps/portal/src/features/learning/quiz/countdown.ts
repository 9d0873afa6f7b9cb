/**
 * The attempt's clock as the portal shows it. The server's `remainingSeconds` is the truth: the portal
 * counts down from it with its own monotonic clock and re-syncs on every answer saved, so a wrong phone
 * clock changes nothing and a slow phone never shows more time than there is.
 */

export interface TimeAnnouncement {
  /** Said when the time left reaches this many seconds. */
  atSeconds: number;
  /** `assertive` interrupts the screen reader: the last seconds matter more than what it was reading. */
  politeness: 'polite' | 'assertive';
}

export const TIME_ANNOUNCEMENTS: readonly TimeAnnouncement[] = [
  { atSeconds: 300, politeness: 'polite' },
  { atSeconds: 60, politeness: 'polite' },
  { atSeconds: 30, politeness: 'assertive' },
];

/** Whole seconds left before `deadlineMs` at `nowMs` (same clock), never negative. */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}

/** 754 → "12:34"; 3_723 → "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${two(minutes)}:${two(rest)}`;
}

/**
 * The announcement due when the time left goes from `previous` to `current` seconds: the last threshold
 * crossed (a phone asleep for two minutes wakes up to "1 minute left", not "5 minutes"), or null.
 * Nothing is said for thresholds already behind when counting started (`previous` null).
 */
export function crossedAnnouncement(previous: number | null, current: number): TimeAnnouncement | null {
  if (previous === null || current >= previous) return null;
  let crossed: TimeAnnouncement | null = null;
  for (const announcement of TIME_ANNOUNCEMENTS) {
    if (previous > announcement.atSeconds && current <= announcement.atSeconds) crossed = announcement;
  }
  return crossed;
}

/** Shown in warning colours (with the words "Sắp hết giờ" beside the clock) from this many seconds left. */
export const LOW_TIME_SECONDS = 60;

/**
 * A moment in the phone's own time zone, as the learner's clock shows it: "14:30" today,
 * "14:30 21/11/2025" another day (when a retry is possible, when an attempt was made).
 */
export function formatClockTime(iso: string, language: string, now: Date, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
  const day = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  });
  return day.format(date) === day.format(now) ? time : `${time} ${day.format(date)}`;
}

/**
 * How long to wait before checking again whether a retry is possible: until `retryAt` (plus a second
 * for the server's clock), at most an hour at a time (browsers cap timers at ~24.8 days anyway).
 */
export function msUntilRetry(retryAt: string, nowMs: number): number {
  const at = new Date(retryAt).getTime();
  if (Number.isNaN(at)) return 60_000;
  return Math.min(3_600_000, Math.max(1_000, at - nowMs + 1_000));
}

/**
 * Time spent on each question since its answer was last saved (the API's `timeSpentMs`), counting only
 * while the question is on screen.
 */
export class QuestionClock {
  private shown: string | null = null;
  private since = 0;
  private readonly spent = new Map<string, number>();

  /** `questionId` is now on screen (null: none, e.g. the review screen or the page is hidden). */
  show(questionId: string | null, nowMs: number): void {
    this.settle(nowMs);
    this.shown = questionId;
  }

  /** The time counted for `questionId` since the last take, in whole ms; counting starts afresh. */
  take(questionId: string, nowMs: number): number {
    this.settle(nowMs);
    const spent = this.spent.get(questionId) ?? 0;
    this.spent.delete(questionId);
    return Math.round(spent);
  }

  private settle(nowMs: number): void {
    if (this.shown !== null) {
      this.spent.set(this.shown, (this.spent.get(this.shown) ?? 0) + Math.max(0, nowMs - this.since));
    }
    this.since = nowMs;
  }
}

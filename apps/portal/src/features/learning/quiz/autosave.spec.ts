import { ErrorCode } from '@hocvu/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

import { ApiError } from '../../../shared/api/api-error';
import type { SavedAnswer } from '../api/quiz-api';
import {
  AnswerSaver,
  backoffDelayMs,
  isRetryable,
  localPendingStore,
  type PendingAnswerStore,
  type QueuedAnswer,
  type SaveStatus,
} from './autosave';

const SAVED: SavedAnswer = { savedAt: '2025-11-20T07:00:00.000Z', remainingSeconds: 600, feedback: null };

type Reply = () => Promise<SavedAnswer>;
const ok: Reply = () => Promise.resolve(SAVED);
const offline: Reply = () => Promise.reject(ApiError.network(new TypeError('Failed to fetch')));
const refuse =
  (status: number, code: ErrorCode): Reply =>
  () =>
    Promise.reject(new ApiError(status, code, 'refused'));

/** A request the test answers when it likes. */
function deferred() {
  let resolve!: (value: SavedAnswer) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<SavedAnswer>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { reply: () => promise, resolve, reject };
}

class MemoryStore implements PendingAnswerStore {
  constructor(public saved: QueuedAnswer[] = []) {}
  load = () => this.saved.map((entry) => ({ ...entry }));
  save = (pending: QueuedAnswer[]) => {
    this.saved = pending.map((entry) => ({ ...entry }));
  };
}

function setup(replies: Reply[] = [], store = new MemoryStore()) {
  const sent: QueuedAnswer[] = [];
  const statuses: SaveStatus[] = [];
  const saved: string[] = [];
  const refused: [string, string][] = [];
  const saver = new AnswerSaver({
    send: (entry) => {
      sent.push({ ...entry });
      return (replies.shift() ?? ok)();
    },
    store,
    onStatus: (status) => statuses.push(status),
    onSaved: (entry) => saved.push(entry.questionId),
    onRefused: (entry, error) => refused.push([entry.questionId, error.code]),
    retryDelayMs: (failures) => 1_000 * failures,
  });
  saver.start();
  return { saver, sent, statuses, saved, refused, store };
}

describe('AnswerSaver', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('saves answers one at a time, in the order they were given', async () => {
    const first = deferred();
    const { saver, sent, statuses, saved } = setup([first.reply]);
    saver.set('q1', { optionId: 'a' }, 4_000);
    saver.set('q2', { value: true }, 2_000);
    expect(sent.map((entry) => entry.questionId)).toEqual(['q1']);
    first.resolve(SAVED);
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      { questionId: 'q1', answer: { optionId: 'a' }, timeSpentMs: 4_000 },
      { questionId: 'q2', answer: { value: true }, timeSpentMs: 2_000 },
    ]);
    expect(saved).toEqual(['q1', 'q2']);
    expect(statuses).toEqual(['saving', 'saved']);
  });

  it('sends only the last of several answers to a question waiting behind another save, with their time added up', async () => {
    const first = deferred();
    const { saver, sent } = setup([first.reply]);
    saver.set('q1', { optionId: 'a' }, 1_000);
    saver.set('q2', { optionId: 'x' }, 1_000);
    saver.set('q2', { optionId: 'y' }, 500);
    saver.set('q2', { optionId: 'z' }, 500);
    first.resolve(SAVED);
    await jest.advanceTimersByTimeAsync(0);
    expect(sent.slice(1)).toEqual([{ questionId: 'q2', answer: { optionId: 'z' }, timeSpentMs: 2_000 }]);
  });

  it('sends a change made while the previous answer to the same question is on its way after it', async () => {
    const first = deferred();
    const { saver, sent } = setup([first.reply]);
    saver.set('q1', { text: 'căn' }, 1_000);
    saver.set('q1', { text: 'căn cước' }, 800);
    expect(sent).toHaveLength(1);
    first.resolve(SAVED);
    await jest.advanceTimersByTimeAsync(0);
    expect(sent.map((entry) => entry.answer.text)).toEqual(['căn', 'căn cước']);
    expect(saver.pending()).toEqual([]);
  });

  it('retries a failed save with growing delays, keeping it first, and says so meanwhile', async () => {
    const { saver, sent, statuses } = setup([offline, offline, ok, ok]);
    saver.set('q1', { optionId: 'a' }, 3_000);
    await jest.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('retrying');
    saver.set('q2', { optionId: 'b' }, 1_000);
    // Waiting out the delay: the new answer does not jump the queue or hammer the connection.
    expect(sent).toHaveLength(1);

    await jest.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    // Second failure: twice the delay.
    await jest.advanceTimersByTimeAsync(1_999);
    expect(sent).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent.map((entry) => entry.questionId)).toEqual(['q1', 'q1', 'q1', 'q2']);
    expect(sent[2]).toEqual({ questionId: 'q1', answer: { optionId: 'a' }, timeSpentMs: 3_000 });
    expect(statuses).toEqual(['saving', 'retrying', 'saving', 'saved']);
  });

  it('lets a newer answer replace one that failed, carrying its time', async () => {
    const first = deferred();
    const { saver, sent } = setup([first.reply, ok]);
    saver.set('q1', { optionId: 'a' }, 1_000);
    saver.set('q1', { optionId: 'b' }, 2_000);
    first.reject(ApiError.network(new TypeError('offline')));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent.slice(1)).toEqual([{ questionId: 'q1', answer: { optionId: 'b' }, timeSpentMs: 3_000 }]);
  });

  it('tries again at once when asked (the browser is back online)', async () => {
    const { saver, sent } = setup([offline, ok]);
    saver.set('q1', { value: false });
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    saver.retryNow();
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(saver.getStatus()).toBe('saved');
  });

  it('keeps unsaved answers in the store until the API has them, and sends them after a reload', async () => {
    const store = new MemoryStore();
    const first = setup([offline], store);
    first.saver.set('q1', { optionId: 'a' }, 5_000);
    first.saver.set('q2', { order: ['x', 'y'] }, 1_000);
    await jest.advanceTimersByTimeAsync(0);
    expect(store.saved.map((entry) => entry.questionId)).toEqual(['q1', 'q2']);
    first.saver.pause();

    // The page reloads: a new saver finds the answers and sends them.
    const second = setup([], store);
    await jest.advanceTimersByTimeAsync(0);
    expect(second.sent.map((entry) => entry.questionId)).toEqual(['q1', 'q2']);
    expect(store.saved).toEqual([]);
  });

  it('shows restored answers as pending before they are sent', () => {
    const store = new MemoryStore([{ questionId: 'q3', answer: { text: 'VNeID' }, timeSpentMs: 0 }]);
    const saver = new AnswerSaver({ send: ok, store });
    expect(saver.pending()).toEqual([{ questionId: 'q3', answer: { text: 'VNeID' }, timeSpentMs: 0 }]);
    expect(saver.isPending('q3')).toBe(true);
  });

  it('drops a refused answer, reports it, and goes on with the others', async () => {
    const { saver, sent, refused, store } = setup([refuse(409, ErrorCode.AnswerLocked), ok]);
    saver.set('q1', { optionId: 'a' });
    saver.set('q2', { optionId: 'b' });
    await jest.advanceTimersByTimeAsync(0);
    expect(refused).toEqual([['q1', ErrorCode.AnswerLocked]]);
    expect(sent.map((entry) => entry.questionId)).toEqual(['q1', 'q2']);
    expect(store.saved).toEqual([]);
  });

  it('stops saving once the attempt is closed', async () => {
    const { saver, sent, refused } = setup([refuse(409, ErrorCode.AttemptClosed)]);
    saver.set('q1', { optionId: 'a' });
    saver.set('q2', { optionId: 'b' });
    await jest.advanceTimersByTimeAsync(0);
    saver.set('q3', { optionId: 'c' });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sent.map((entry) => entry.questionId)).toEqual(['q1']);
    expect(refused).toEqual([['q1', ErrorCode.AttemptClosed]]);
    expect(saver.pending()).toEqual([]);
  });

  it('flushes before submitting: true when all is saved, false when the connection fails', async () => {
    const good = setup();
    good.saver.set('q1', { optionId: 'a' });
    await expect(good.saver.flush()).resolves.toBe(true);
    await expect(good.saver.flush()).resolves.toBe(true);

    const bad = setup([offline, offline]);
    bad.saver.set('q1', { optionId: 'a' });
    await jest.advanceTimersByTimeAsync(0);
    // Flushing skips the wait between tries.
    const flushed = bad.saver.flush();
    await jest.advanceTimersByTimeAsync(0);
    await expect(flushed).resolves.toBe(false);
    expect(bad.sent).toHaveLength(2);
  });

  it('sends nothing while paused', async () => {
    const { saver, sent } = setup();
    saver.pause();
    saver.set('q1', { optionId: 'a' });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(0);
    saver.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from one second up to thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('isRetryable', () => {
  it('retries the network, server faults, timeouts, rate limits and an expired session; not refusals', () => {
    expect(isRetryable(ApiError.network(new Error('x')))).toBe(true);
    expect(isRetryable(new ApiError(503, ErrorCode.ServiceUnavailable, ''))).toBe(true);
    expect(isRetryable(new ApiError(429, ErrorCode.RateLimited, ''))).toBe(true);
    expect(isRetryable(new ApiError(401, ErrorCode.Unauthenticated, ''))).toBe(true);
    expect(isRetryable(new ApiError(422, ErrorCode.AnswerInvalid, ''))).toBe(false);
    expect(isRetryable(new ApiError(409, ErrorCode.AttemptClosed, ''))).toBe(false);
  });
});

describe('localPendingStore', () => {
  function memoryStorage(): Storage {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (key) => items.get(key) ?? null,
      key: (index) => [...items.keys()][index] ?? null,
      removeItem: (key) => void items.delete(key),
      setItem: (key, value) => void items.set(key, value),
    };
  }

  it('keeps the answers per attempt and removes the entry once nothing is pending', () => {
    const storage = memoryStorage();
    const store = localPendingStore('attempt-1', storage);
    store.save([{ questionId: 'q1', answer: { optionId: 'a' }, timeSpentMs: 10 }]);
    expect(localPendingStore('attempt-1', storage).load()).toEqual([
      { questionId: 'q1', answer: { optionId: 'a' }, timeSpentMs: 10 },
    ]);
    expect(localPendingStore('attempt-2', storage).load()).toEqual([]);
    store.save([]);
    expect(storage.length).toBe(0);
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('hocvu.quiz.pending.attempt-1', '{not json');
    expect(localPendingStore('attempt-1', storage).load()).toEqual([]);
    storage.setItem('hocvu.quiz.pending.attempt-1', JSON.stringify([{ questionId: 1 }, 'x']));
    expect(localPendingStore('attempt-1', storage).load()).toEqual([]);
  });
});

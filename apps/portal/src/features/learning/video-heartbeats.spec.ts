import { ErrorCode } from '@hocvu/contracts';
import { describe, expect, it, jest } from '@jest/globals';

import { ApiError } from '../../shared/api/api-error';
import type { PlayedInterval } from '../video/played-intervals';
import {
  type HeartbeatBody,
  HeartbeatReporter,
  type HeartbeatResult,
  type HeartbeatTransport,
  joinIntervals,
} from './video-heartbeats';

const RESULT: HeartbeatResult = { watchedSeconds: 10, watchedPercent: 42, completed: false };

function setup(answers: (() => Promise<HeartbeatResult>)[] = [], beaconAccepts = true) {
  const posted: HeartbeatBody[] = [];
  const beacons: HeartbeatBody[] = [];
  const transport: HeartbeatTransport = {
    post: (body) => {
      posted.push(body);
      return (answers.shift() ?? (() => Promise.resolve(RESULT)))();
    },
    beacon: (body) => {
      beacons.push(body);
      return beaconAccepts;
    },
  };
  const results: HeartbeatResult[] = [];
  const refusals: ApiError[] = [];
  const pending: boolean[] = [];
  const reporter = new HeartbeatReporter(
    'token-1',
    transport,
    {
      onResult: (result) => results.push(result),
      onRefused: (error) => refusals.push(error),
      onRetryPending: (value) => pending.push(value),
    },
    5_000,
  );
  return { reporter, posted, beacons, results, refusals, pending };
}

const fail = (status: number, code: ErrorCode) => () => Promise.reject(new ApiError(status, code, 'failed'));
const offline = () => Promise.reject(ApiError.network(new TypeError('Failed to fetch')));
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('HeartbeatReporter', () => {
  it('sends what was watched with the playback token and hands on the answer', async () => {
    const { reporter, posted, results } = setup();
    reporter.report({ intervals: [[0, 10]], position: 10, final: false });
    await flush();
    expect(posted).toEqual([{ playbackToken: 'token-1', intervals: [[0, 10]], position: 10 }]);
    expect(results).toEqual([RESULT]);
  });

  it('sends the last report of a visit as a beacon, and with fetch when the browser refuses the beacon', async () => {
    const accepted = setup([], true);
    accepted.reporter.report({ intervals: [[10, 12]], position: 12, final: true });
    await flush();
    expect(accepted.beacons).toHaveLength(1);
    expect(accepted.posted).toHaveLength(0);

    const refused = setup([], false);
    refused.reporter.report({ intervals: [[10, 12]], position: 12, final: true });
    await flush();
    expect(refused.beacons).toHaveLength(1);
    expect(refused.posted).toEqual([{ playbackToken: 'token-1', intervals: [[10, 12]], position: 12 }]);
  });

  it('tries a report that failed on the network once more, merged into the next one', async () => {
    const { reporter, posted, pending } = setup([offline, fail(503, ErrorCode.ServiceUnavailable)]);
    reporter.report({ intervals: [[0, 10]], position: 10, final: false });
    await flush();
    expect(pending).toEqual([true]);

    reporter.report({ intervals: [[10, 20]], position: 20, final: false });
    await flush();
    expect(posted[1]?.intervals).toEqual([[0, 20]]);

    // The second report failed too: only its own interval gets a second chance.
    reporter.report({ intervals: [[20, 30]], position: 30, final: false });
    await flush();
    expect(posted[2]?.intervals).toEqual([[10, 30]] satisfies PlayedInterval[]);
    expect(pending).toEqual([true, false, true, false]);
  });

  it('sends a failed report again on its own when the player has nothing new (paused)', async () => {
    jest.useFakeTimers();
    try {
      const { reporter, posted } = setup([offline]);
      reporter.report({ intervals: [[0, 8]], position: 8, final: false });
      await jest.advanceTimersByTimeAsync(0);
      expect(posted).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(5_000);
      expect(posted[1]).toEqual({ playbackToken: 'token-1', intervals: [[0, 8]], position: 8 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports a refusal and does not send it again', async () => {
    const { reporter, posted, refusals, pending } = setup([fail(422, ErrorCode.HeartbeatTooFast)]);
    reporter.report({ intervals: [[0, 60]], position: 60, final: false });
    await flush();
    expect(refusals.map((error) => error.code)).toEqual([ErrorCode.HeartbeatTooFast]);
    reporter.report({ intervals: [[60, 70]], position: 70, final: false });
    await flush();
    expect(posted[1]?.intervals).toEqual([[60, 70]]);
    expect(pending).toEqual([]);
  });
});

describe('joinIntervals', () => {
  it('merges carried and fresh intervals', () => {
    expect(
      joinIntervals(
        [
          [0, 5],
          [8, 9],
        ],
        [[5, 8]],
      ),
    ).toEqual([[0, 9]]);
  });

  it('keeps within the API’s 100 intervals, dropping carried ones first', () => {
    const carried = Array.from({ length: 80 }, (_, index): PlayedInterval => [index * 10, index * 10 + 1]);
    const fresh = Array.from({ length: 30 }, (_, index): PlayedInterval => [
      1000 + index * 10,
      1000 + index * 10 + 1,
    ]);
    const joined = joinIntervals(carried, fresh);
    expect(joined).toHaveLength(100);
    expect(joined.slice(-30)).toEqual(fresh);
  });
});

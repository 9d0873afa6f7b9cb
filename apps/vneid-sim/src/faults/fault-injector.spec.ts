import { FaultInjector } from './fault-injector';
import { type FaultSettings, NO_FAULTS, parseFaultSettings } from './fault-settings';

const settings = (overrides: Partial<FaultSettings> = {}): FaultSettings => ({
  ...NO_FAULTS,
  seed: 42,
  ...overrides,
});

describe('FaultInjector', () => {
  it('strikes at the configured rates', () => {
    const faults = new FaultInjector(settings({ errorRate: 0.3, rateLimitRate: 0.1, timeoutRate: 0.05 }));
    const counts = { none: 0, error: 0, rate_limit: 0, timeout: 0 };
    for (let i = 0; i < 10_000; i += 1) counts[faults.decide().kind] += 1;
    expect(counts.error / 10_000).toBeCloseTo(0.3, 1);
    expect(counts.rate_limit / 10_000).toBeCloseTo(0.1, 1);
    expect(counts.timeout / 10_000).toBeCloseTo(0.05, 1);
  });

  it('replays the same faults for the same seed', () => {
    const roll = (seed: number) => {
      const faults = new FaultInjector(settings({ errorRate: 0.5, seed }));
      return Array.from({ length: 50 }, () => JSON.stringify(faults.decide()));
    };
    expect(roll(7)).toEqual(roll(7));
    expect(roll(7)).not.toEqual(roll(8));
  });

  it('splits errors between before and after the record is stored', () => {
    const faults = new FaultInjector(settings({ errorRate: 1, afterCommitShare: 0.5 }));
    const decisions = Array.from({ length: 2000 }, () => faults.decide());
    const after = decisions.filter((decision) => 'afterCommit' in decision && decision.afterCommit).length;
    expect(after / 2000).toBeCloseTo(0.5, 1);
    expect(new Set(decisions.map((decision) => ('status' in decision ? decision.status : 0)))).toEqual(
      new Set([500, 503]),
    );
  });

  it('ends a timed maintenance by itself and announces the time left', () => {
    let now = Date.parse('2026-10-10T02:00:00Z');
    const faults = new FaultInjector(
      settings({ maintenance: { until: '2026-10-10T02:05:00.000Z' } }),
      () => now,
    );
    expect(faults.maintenance()).toEqual({ active: true, retryAfterSeconds: 300 });
    now += 299_500;
    expect(faults.maintenance()).toEqual({ active: true, retryAfterSeconds: 1 });
    now += 500;
    expect(faults.maintenance().active).toBe(false);
  });

  it('goes back to its start-up profile on reset', () => {
    const faults = new FaultInjector(settings({ latencyMs: 5 }));
    faults.replace(settings({ maintenance: true, retryAfterSeconds: 30 }));
    expect(faults.maintenance()).toEqual({ active: true, retryAfterSeconds: 30 });
    faults.reset();
    expect(faults.settings.latencyMs).toBe(5);
    expect(faults.maintenance().active).toBe(false);
  });
});

describe('parseFaultSettings', () => {
  it('fills what a PUT omits with "no fault"', () => {
    const parsed = parseFaultSettings({ errorRate: 0.3, seed: 1 });
    expect(parsed).toEqual({ settings: { ...NO_FAULTS, errorRate: 0.3, seed: 1 } });
  });

  it('normalises a maintenance end time', () => {
    expect(parseFaultSettings({ maintenance: { until: '2026-10-10T09:00:00+07:00' } })).toMatchObject({
      settings: { maintenance: { until: '2026-10-10T02:00:00.000Z' } },
    });
  });

  it('lists every problem', () => {
    expect(parseFaultSettings({ latencyMs: -1, errorRate: 2, seed: 1.5, colour: 'red' })).toEqual({
      problems: [
        'colour: unknown setting',
        'latencyMs: must be a number from 0 to 60000',
        'errorRate: must be a number from 0 to 1',
        'errorRate + rateLimitRate + timeoutRate: must be at most 1',
        'seed: must be a whole number from 0 to 4294967295',
      ],
    });
    expect(parseFaultSettings([])).toEqual({ problems: ['the body must be a JSON object'] });
  });
});

import {
  compareCommuneProgress,
  previousQuarter,
  quarterBounds,
  quarterOf,
  TargetKind,
  targetLearnerCount,
  targetProgressPercent,
} from './campaign';

describe('quarters in Vietnam time', () => {
  it('starts a quarter at local midnight (17:00 UTC the day before)', () => {
    expect(quarterBounds(2026, 1)).toEqual({
      start: new Date('2025-12-31T17:00:00Z'),
      end: new Date('2026-03-31T17:00:00Z'),
    });
    expect(quarterBounds(2026, 4).end).toEqual(new Date('2026-12-31T17:00:00Z'));
  });

  it('puts an instant in its local quarter, and names the last quarter that ended', () => {
    // 18:00 UTC on 31 March is already 1 April in Vietnam.
    expect(quarterOf(new Date('2026-03-31T18:00:00Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf(new Date('2026-03-31T16:59:59Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(previousQuarter(new Date('2026-01-01T06:00:00+07:00'))).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter(new Date('2026-07-01T06:00:00+07:00'))).toEqual({ year: 2026, quarter: 2 });
  });
});

describe('targets', () => {
  it('takes a percentage of the target’s own base, else of the unit’s population', () => {
    expect(targetLearnerCount(TargetKind.Count, 1200.4, null, 5000)).toBe(1200);
    expect(targetLearnerCount(TargetKind.Percent, 80, 10_000, 5000)).toBe(8000);
    expect(targetLearnerCount(TargetKind.Percent, 80, null, 5000)).toBe(4000);
    expect(targetLearnerCount(TargetKind.Percent, 80, null, null)).toBeNull();
  });

  it('measures progress with one decimal; a zero target is met', () => {
    expect(targetProgressPercent(1, 3)).toBe(33.3);
    expect(targetProgressPercent(5, 0)).toBe(100);
    expect(targetProgressPercent(5, null)).toBeNull();
  });
});

describe('the communes ranking', () => {
  it('puts progress against the own target first, then confirmations, then the name', () => {
    const communes = [
      { name: 'Mường Phăng', progressPercent: null, confirmed: 900 },
      { name: 'Búng Lao', progressPercent: 40, confirmed: 100 },
      { name: 'Ẳng Nưa', progressPercent: 40, confirmed: 100 },
      { name: 'Sín Chải', progressPercent: 40, confirmed: 300 },
      { name: 'Na Sang', progressPercent: 75.5, confirmed: 50 },
    ];
    expect([...communes].sort(compareCommuneProgress).map((c) => c.name)).toEqual([
      'Na Sang',
      'Sín Chải',
      'Ẳng Nưa',
      'Búng Lao',
      'Mường Phăng',
    ]);
  });
});

import {
  coveredSeconds,
  Interval,
  intervalProblem,
  MAX_INTERVALS,
  mergeIntervals,
  newlyCoveredSeconds,
} from './intervals';

describe('mergeIntervals', () => {
  it('sorts and joins overlapping intervals', () => {
    expect(
      mergeIntervals([
        [30, 40],
        [0, 10],
        [5, 12],
        [35, 50],
      ]),
    ).toEqual([
      [0, 12],
      [30, 50],
    ]);
  });

  it('joins an interval inside another', () => {
    expect(
      mergeIntervals([
        [0, 100],
        [20, 30],
      ]),
    ).toEqual([[0, 100]]);
  });

  it('joins gaps shorter than 0.5 s by default, not longer ones', () => {
    expect(
      mergeIntervals([
        [0, 10],
        [10.4, 20],
        [20.5, 30],
      ]),
    ).toEqual([
      [0, 20],
      [20.5, 30],
    ]);
  });

  it('takes another tolerance, and with 0 still joins intervals that touch', () => {
    const intervals: Interval[] = [
      [0, 10],
      [10, 20],
      [21.5, 30],
    ];
    expect(mergeIntervals(intervals, 0)).toEqual([
      [0, 20],
      [21.5, 30],
    ]);
    expect(mergeIntervals(intervals, 2)).toEqual([[0, 30]]);
    expect(mergeIntervals(intervals, -1)).toEqual(mergeIntervals(intervals, 0));
  });

  it('drops empty, inverted and non-finite intervals', () => {
    expect(
      mergeIntervals([
        [5, 5],
        [9, 3],
        [Number.NaN, 4],
        [1, Number.POSITIVE_INFINITY],
        [20, 25],
      ]),
    ).toEqual([[20, 25]]);
  });

  it('ignores entries that are not pairs of numbers (request bodies are not type-checked)', () => {
    const junk = [null, 'x', [1], ['1', '2'], [2, 4]] as unknown as Interval[];
    expect(mergeIntervals(junk)).toEqual([[2, 4]]);
  });

  it('returns an empty list for an empty list', () => {
    expect(mergeIntervals([])).toEqual([]);
  });

  it('does not modify its input or return its arrays', () => {
    const input: Interval[] = [
      [10, 20],
      [0, 15],
    ];
    const result = mergeIntervals(input);
    expect(input).toEqual([
      [10, 20],
      [0, 15],
    ]);
    result[0][1] = 99;
    expect(input[0][1]).toBe(20);
    expect(input[1][1]).toBe(15);
  });

  it('is idempotent', () => {
    const once = mergeIntervals([
      [3.2, 7.9],
      [0, 1],
      [1.3, 2],
      [7, 8.4],
    ]);
    expect(mergeIntervals(once)).toEqual(once);
  });
});

describe('coveredSeconds', () => {
  it('counts overlapping parts once', () => {
    expect(
      coveredSeconds([
        [0, 10],
        [5, 15],
        [100, 110],
      ]),
    ).toBe(25);
  });

  it('counts a joined gap as watched', () => {
    expect(
      coveredSeconds([
        [0, 1],
        [1.2, 2],
      ]),
    ).toBe(2);
  });

  it('rounds float noise to the millisecond', () => {
    expect(
      coveredSeconds([
        [0.1, 0.3],
        [10, 10.1],
      ]),
    ).toBe(0.3);
  });

  it('is 0 for nothing', () => {
    expect(coveredSeconds([])).toBe(0);
    expect(coveredSeconds([[4, 4]])).toBe(0);
  });
});

describe('newlyCoveredSeconds', () => {
  const existing: Interval[] = [
    [0, 10],
    [20, 30],
  ];

  it('counts only the seconds not already covered', () => {
    expect(newlyCoveredSeconds(existing, [[5, 25]])).toBe(10);
    expect(newlyCoveredSeconds(existing, [[40, 45]])).toBe(5);
  });

  it('is 0 for a re-watch', () => {
    expect(newlyCoveredSeconds(existing, [[2, 8]])).toBe(0);
    expect(newlyCoveredSeconds(existing, [[0, 10]])).toBe(0);
    expect(newlyCoveredSeconds(existing, [])).toBe(0);
  });

  it('counts overlapping additions once', () => {
    expect(
      newlyCoveredSeconds(
        [],
        [
          [0, 5],
          [3, 8],
        ],
      ),
    ).toBe(8);
  });

  it('keeps running totals exact: covered(existing) + newly = covered(existing + added)', () => {
    const added: Interval[] = [
      [9.7, 12.25],
      [29.6, 31],
      [50.1, 50.3],
    ];
    expect(coveredSeconds(existing) + newlyCoveredSeconds(existing, added)).toBe(
      coveredSeconds([...existing, ...added]),
    );
  });

  it('counts a short gap an addition closes as newly watched', () => {
    expect(newlyCoveredSeconds([[0, 10]], [[10.2, 11]])).toBe(1);
  });

  it('ignores invalid added intervals', () => {
    expect(newlyCoveredSeconds(existing, [[50, 40]])).toBe(0);
  });
});

describe('intervalProblem', () => {
  it('accepts a sensible report', () => {
    expect(
      intervalProblem(
        [
          [0, 4.5],
          [4.5, 9],
          [120, 125.25],
        ],
        300,
      ),
    ).toBeNull();
    expect(intervalProblem([], 300)).toBeNull();
  });

  it('allows an end up to 1 s past the duration', () => {
    expect(intervalProblem([[290, 301]], 300)).toBeNull();
    expect(intervalProblem([[290, 301.001]], 300)).toMatch(/past the end of the video/);
  });

  it.each([
    ['NaN', [Number.NaN, 4], /not a finite number/],
    ['Infinity', [0, Number.POSITIVE_INFINITY], /not a finite number/],
    ['a string', ['0', 4], /not a finite number/],
    ['a negative start', [-1, 4], /before 0 s/],
    ['an empty interval', [4, 4], /does not end after it starts/],
    ['an inverted interval', [8, 4], /does not end after it starts/],
    ['a single number', [4], /pair/],
    ['a non-array', { start: 0, end: 4 }, /pair/],
    ['null', null, /pair/],
  ])('refuses %s', (_label, interval, message) => {
    const problem = intervalProblem([[0, 1], interval] as unknown as Interval[], 300);
    expect(problem).toMatch(message);
    expect(problem).toMatch(/^Interval 2 /);
  });

  it(`refuses more than ${MAX_INTERVALS} intervals`, () => {
    const many = Array.from({ length: MAX_INTERVALS + 1 }, (_, i): Interval => [i, i + 0.5]);
    expect(intervalProblem(many, 300)).toBe('Too many intervals: 101 (at most 100).');
    expect(intervalProblem(many.slice(0, MAX_INTERVALS), 300)).toBeNull();
  });

  it('skips the duration check when the duration is unknown', () => {
    expect(intervalProblem([[0, 5000]], Number.NaN)).toBeNull();
  });
});

import {
  BankEntry,
  cyrb53,
  DrawError,
  drawQuestions,
  mulberry32,
  poolsProblem,
  seededRandom,
  shuffle,
  shuffleWith,
} from './draw';

const entry = (id: string, ...tags: string[]): BankEntry => ({ id, tags });
/** q01…qNN, all tagged `tag`. */
const bankOf = (count: number, tag: string, prefix = 'q'): BankEntry[] =>
  Array.from({ length: count }, (_, i) => entry(`${prefix}${String(i + 1).padStart(2, '0')}`, tag));

describe('cyrb53', () => {
  it('matches the published reference values (changing it would change every future draw)', () => {
    expect(cyrb53('a')).toBe(7929297801672961);
    expect(cyrb53('b')).toBe(8684336938537663);
    expect(cyrb53('revenge')).toBe(4051478007546757);
    expect(cyrb53('revenue')).toBe(8309097637345594);
    expect(cyrb53('revenue', 1)).not.toBe(cyrb53('revenue'));
  });

  it('hashes Vietnamese text and stays within 53 bits', () => {
    const hash = cyrb53('Bình dân học vụ số');
    expect(Number.isSafeInteger(hash)).toBe(true);
    expect(hash).not.toBe(cyrb53('Binh dan hoc vu so'));
  });
});

describe('seededRandom and mulberry32', () => {
  it('repeat the same sequence for the same seed, a different one for another seed', () => {
    const take = (random: () => number) => Array.from({ length: 5 }, random);
    expect(take(seededRandom('attempt-1'))).toEqual(take(seededRandom('attempt-1')));
    expect(take(seededRandom('attempt-1'))).not.toEqual(take(seededRandom('attempt-2')));
    expect(take(mulberry32(42))).toEqual(take(mulberry32(42)));
  });

  it('pins the sequence of one seed (Node and browsers compute the same numbers)', () => {
    const random = seededRandom('attempt-1');
    expect([random(), random(), random()]).toEqual([
      0.5301872529089451, 0.1037884671241045, 0.687903911806643,
    ]);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const random = seededRandom('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('shuffle', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

  it('is deterministic: same seed, same order', () => {
    expect(shuffle(items, 'seed-1')).toEqual(shuffle(items, 'seed-1'));
  });

  it('keeps every item once and never modifies its input', () => {
    const copy = [...items];
    const shuffled = shuffle(items, 'seed-1');
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(copy);
  });

  it('gives different orders for different seeds in most cases', () => {
    const orders = Array.from({ length: 100 }, (_, i) => shuffle(items, `seed-${i}`).join(''));
    // 8! = 40,320 orders: 100 seeds should almost never repeat one.
    expect(new Set(orders).size).toBeGreaterThanOrEqual(98);
    expect(orders.filter((order) => order === items.join('')).length).toBeLessThanOrEqual(1);
  });

  it('puts each item in each position about equally often', () => {
    const counts = items.map(() => new Array<number>(items.length).fill(0));
    const runs = 8000;
    for (let i = 0; i < runs; i++) {
      shuffle(items, `position-${i}`).forEach((item, position) => counts[items.indexOf(item)][position]++);
    }
    for (const row of counts) for (const count of row) expect(Math.abs(count - runs / 8)).toBeLessThan(150);
  });

  it('handles empty and single-item lists', () => {
    expect(shuffle([], 'x')).toEqual([]);
    expect(shuffle([1], 'x')).toEqual([1]);
  });

  it('shuffleWith uses the given random source', () => {
    // Always 0: every element swaps with the first, a fixed rotation.
    expect(shuffleWith([1, 2, 3, 4], () => 0)).toEqual([2, 3, 4, 1]);
  });
});

describe('drawQuestions', () => {
  const bank = [...bankOf(10, 'safety', 's'), ...bankOf(8, 'VNeID', 'v'), entry('x1', 'other')];

  it('draws `count` distinct questions with the pool tag, pool by pool', () => {
    const ids = drawQuestions(
      [
        { tag: 'safety', count: 4 },
        { tag: 'VNeID', count: 3 },
      ],
      bank,
      'attempt-1',
    );
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids.slice(0, 4).every((id) => id.startsWith('s'))).toBe(true);
    expect(ids.slice(4).every((id) => id.startsWith('v'))).toBe(true);
  });

  it('keeps the bank order within a pool, so taking a whole pool gives the teacher’s order', () => {
    const ids = drawQuestions([{ tag: 'VNeID', count: 8 }], bank, 'any');
    expect(ids).toEqual(bankOf(8, 'VNeID', 'v').map((e) => e.id));
    const some = drawQuestions([{ tag: 'safety', count: 5 }], bank, 'any');
    expect(some).toEqual([...some].sort());
  });

  it('is deterministic and does not depend on the order the bank was read in', () => {
    const pools = [
      { tag: 'safety', count: 3 },
      { tag: 'VNeID', count: 2 },
    ];
    const first = drawQuestions(pools, bank, 'attempt-42');
    expect(drawQuestions(pools, bank, 'attempt-42')).toEqual(first);
    const reversed = drawQuestions(pools, [...bank].reverse(), 'attempt-42');
    // Same questions picked; within a pool they follow the (reversed) bank order.
    expect([...reversed].sort()).toEqual([...first].sort());
  });

  it('picks different questions for different seeds in most cases', () => {
    const draws = Array.from({ length: 50 }, (_, i) =>
      drawQuestions([{ tag: 'safety', count: 3 }], bank, `attempt-${i}`).join(','),
    );
    // C(10, 3) = 120 possible picks.
    expect(new Set(draws).size).toBeGreaterThan(30);
  });

  it('draws each question roughly equally often over many seeds', () => {
    const counts = new Map<string, number>();
    const seeds = 10_000;
    for (let i = 0; i < seeds; i++) {
      for (const id of drawQuestions([{ tag: 'safety', count: 3 }], bank, `dist-${i}`)) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(10);
    // Expected 10,000 × 3 / 10 = 3,000 each; the standard deviation is about 46.
    for (const count of counts.values()) expect(Math.abs(count - 3000)).toBeLessThan(250);
  });

  it('never draws a question twice across pools, even when it has both tags', () => {
    const shared = [entry('both1', 'a', 'b'), entry('both2', 'a', 'b'), entry('a1', 'a'), entry('b1', 'b')];
    for (let i = 0; i < 200; i++) {
      const ids = drawQuestions(
        [
          { tag: 'a', count: 2 },
          { tag: 'b', count: 2 },
        ],
        shared,
        `s${i}`,
      );
      expect(new Set(ids).size).toBe(4);
    }
  });

  it('finds an assignment whenever one exists, whatever the seed (no greedy dead ends)', () => {
    // Pool "a" could greedily take q1, the only question pool "b" can use.
    const tricky = [entry('q1', 'a', 'b'), entry('q2', 'a'), entry('q3', 'a')];
    const pools = [
      { tag: 'a', count: 2 },
      { tag: 'b', count: 1 },
    ];
    for (let i = 0; i < 100; i++) {
      expect(drawQuestions(pools, tricky, `s${i}`)).toEqual(['q2', 'q3', 'q1']);
    }
  });

  it('fails when a pool has too few questions with its tag', () => {
    expect(() => drawQuestions([{ tag: 'VNeID', count: 9 }], bank, 'x')).toThrow(
      new DrawError('Pool "VNeID" needs 9 questions but the bank has only 8 with that tag', ['VNeID']),
    );
    expect(() => drawQuestions([{ tag: 'missing', count: 1 }], bank, 'x')).toThrow(
      'Pool "missing" needs 1 question but the bank has only 0 with that tag',
    );
  });

  it('fails, naming the pools, when pools sharing questions need more than the bank has', () => {
    const shared = [entry('q1', 'a', 'b'), entry('q2', 'a', 'b'), entry('q3', 'a')];
    const pools = [
      { tag: 'a', count: 2 },
      { tag: 'b', count: 2 },
    ];
    let error: unknown;
    try {
      drawQuestions(pools, shared, 'x');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DrawError);
    expect((error as DrawError).message).toBe(
      'Pools "a", "b" share questions: together they need 4 different questions but the bank has only 3 with those tags',
    );
    expect((error as DrawError).tags).toEqual(['a', 'b']);
  });

  it('matches tags exactly and skips pools with a count of 0', () => {
    expect(() => drawQuestions([{ tag: 'vneid', count: 1 }], bank, 'x')).toThrow(DrawError);
    expect(drawQuestions([{ tag: 'nothing', count: 0 }], bank, 'x')).toEqual([]);
  });

  it('refuses malformed pools and duplicate bank ids', () => {
    expect(() => drawQuestions([{ tag: 'safety', count: 1.5 }], bank, 'x')).toThrow(RangeError);
    expect(() => drawQuestions([{ tag: 'safety', count: -1 }], bank, 'x')).toThrow(RangeError);
    expect(() => drawQuestions([{ tag: '', count: 1 }], bank, 'x')).toThrow('A pool needs a tag');
    expect(() => drawQuestions([{ tag: 'a', count: 1 }], [entry('q', 'a'), entry('q', 'a')], 'x')).toThrow(
      'Question q is in the bank twice',
    );
  });
});

describe('poolsProblem', () => {
  it('is null when every draw will succeed and the reason otherwise', () => {
    const bank = [entry('q1', 'a', 'b'), entry('q2', 'a'), entry('q3', 'a')];
    expect(
      poolsProblem(
        [
          { tag: 'a', count: 2 },
          { tag: 'b', count: 1 },
        ],
        bank,
      ),
    ).toBeNull();
    expect(poolsProblem([{ tag: 'b', count: 2 }], bank)).toBe(
      'Pool "b" needs 2 questions but the bank has only 1 with that tag',
    );
    expect(poolsProblem([{ tag: 'a', count: 0.5 }], bank)).toBe(
      'Pool "a" has a count of 0.5; it must be a whole number ≥ 0',
    );
  });
});

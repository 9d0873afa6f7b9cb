/**
 * Seeded randomness for attempts: which questions an attempt gets and in which order its questions and
 * options appear. Everything here is deterministic: the same seed (say, an attempt's random seed stored
 * with the attempt) always gives the same result, in Node and in the browser, so a draw can be reproduced
 * and tested.
 *
 * The generator is mulberry32 (Tommy Ettinger's 32-bit generator, period 2^32), seeded from a string by
 * cyrb53 (bryc's 53-bit string hash; mulberry32 takes its low 32 bits). Both are public-domain, tiny and
 * fast, and plenty for shuffling a few hundred items. They are NOT cryptographic: an attempt's seed must be
 * picked at random on the server and kept there, never derived from something a learner can see.
 */

/**
 * cyrb53: a fast, well-mixed 53-bit hash of a string (its UTF-16 code units), as an integer in
 * [0, 2^53). `salt` gives independent hashes of the same text.
 */
export function cyrb53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A source of numbers in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** mulberry32 started from the 32-bit state `state`: returns numbers in [0, 1) with 32 random bits. */
export function mulberry32(state: number): RandomSource {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random source for a string seed: mulberry32 started from the low 32 bits of cyrb53(seed). */
export function seededRandom(seed: string): RandomSource {
  // `>>> 0` keeps the low 32 bits of the 53-bit hash (ToUint32 is "modulo 2^32").
  return mulberry32(cyrb53(seed) >>> 0);
}

/** A whole number in [0, below) from `random` (bias below 1e-7 for the small ranges used here). */
export function randomInt(random: RandomSource, below: number): number {
  return Math.floor(random() * below);
}

/**
 * A copy of `items` in a random order (Fisher–Yates, Durstenfeld's in-place form, on the copy).
 * Every order is equally likely; the same seed and items always give the same order.
 */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  return shuffleWith(items, seededRandom(seed));
}

/** `shuffle` with a random source of your own (a test's, or one that already served other draws). */
export function shuffleWith<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** One pool of a quiz: draw `count` questions among those tagged `tag`. */
export interface QuestionPool {
  tag: string;
  count: number;
}

/** What a draw needs to know of a question in the bank. */
export interface BankEntry {
  id: string;
  tags: readonly string[];
}

/** The bank cannot serve the pools (too few questions with a tag, or pools competing for the same ones). */
export class DrawError extends Error {
  /** The tags of the pools that could not be served. */
  readonly tags: string[];

  constructor(message: string, tags: string[]) {
    super(message);
    this.name = 'DrawError';
    this.tags = tags;
  }
}

/**
 * The questions of one attempt: for each pool, `count` different questions having the pool's tag, and
 * never the same question twice across pools (a question tagged both "safety" and "VNeID" serves at most
 * one of those pools).
 *
 * Result order: pool by pool in the order of `pools`, and within a pool in the order of `bank` (so a quiz
 * that takes every question of its pools and does not shuffle shows them in the teacher's order). Shuffle
 * the result with `shuffle` when the quiz shuffles its questions. Which questions are picked depends only on
 * the seed, the pools and the *set* of bank entries (the bank is sorted by id before drawing), not on the
 * order the bank was read in.
 *
 * Tags match exactly (case-sensitive). Pools with a count of 0 are skipped.
 *
 * When pools share questions, picking greedily pool by pool could fail on some seeds and not on others.
 * Instead the pools' places are filled as a bipartite matching (Kuhn's augmenting paths, candidates tried
 * in the seed's random order): a draw fails only if no assignment at all exists, which does not depend on
 * the seed — `poolsProblem` can therefore check a quiz's settings once, when the teacher saves them.
 *
 * Throws DrawError when the bank cannot serve the pools, RangeError on malformed pools or duplicate ids.
 */
export function drawQuestions(
  pools: readonly QuestionPool[],
  bank: readonly BankEntry[],
  seed: string,
): string[] {
  for (const pool of pools) {
    if (typeof pool.tag !== 'string' || pool.tag === '') {
      throw new RangeError('A pool needs a tag');
    }
    if (!Number.isInteger(pool.count) || pool.count < 0) {
      throw new RangeError(`Pool "${pool.tag}" has a count of ${pool.count}; it must be a whole number ≥ 0`);
    }
  }
  const bankIndex = new Map<string, number>();
  bank.forEach((entry, index) => {
    if (bankIndex.has(entry.id)) throw new RangeError(`Question ${entry.id} is in the bank twice`);
    bankIndex.set(entry.id, index);
  });

  // The seed's order of the bank, independent of the order the caller read it in.
  const sorted = [...bank].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const randomOrder = shuffle(sorted, seed);
  const candidates = pools.map((pool) => randomOrder.filter((entry) => entry.tags.includes(pool.tag)));

  pools.forEach((pool, p) => {
    if (candidates[p].length < pool.count) {
      const have = candidates[p].length;
      throw new DrawError(
        `Pool "${pool.tag}" needs ${pool.count} question${pool.count === 1 ? '' : 's'} but the bank has ` +
          `only ${have} with that tag`,
        [pool.tag],
      );
    }
  });

  // One place per question to draw; `owner` maps a question id to the place (index in `places`) it fills.
  const places = pools.flatMap((pool, p) => Array.from({ length: pool.count }, () => p));
  const owner = new Map<string, number>();

  // Kuhn's algorithm: fill `place` with a free candidate, or with one whose place can move to another.
  const fill = (place: number, visited: Set<string>, reached: Set<number>): boolean => {
    reached.add(places[place]);
    for (const entry of candidates[places[place]]) {
      if (visited.has(entry.id)) continue;
      visited.add(entry.id);
      const current = owner.get(entry.id);
      if (current === undefined || fill(current, visited, reached)) {
        owner.set(entry.id, place);
        return true;
      }
    }
    return false;
  };

  places.forEach((_, place) => {
    const reached = new Set<number>();
    if (!fill(place, new Set(), reached)) {
      // The pools the search went through need more distinct questions than their tags cover together.
      const involved = [...reached].sort((a, b) => a - b);
      const tags = involved.map((p) => pools[p].tag);
      const need = involved.reduce((sum, p) => sum + pools[p].count, 0);
      const have = new Set(involved.flatMap((p) => candidates[p].map((entry) => entry.id))).size;
      throw new DrawError(
        `Pools ${tags.map((tag) => `"${tag}"`).join(', ')} share questions: together they need ${need} ` +
          `different questions but the bank has only ${have} with those tags`,
        tags,
      );
    }
  });

  const drawn: string[][] = pools.map(() => []);
  for (const [id, place] of owner) drawn[places[place]].push(id);
  return drawn.flatMap((ids) => ids.sort((a, b) => (bankIndex.get(a) ?? 0) - (bankIndex.get(b) ?? 0)));
}

/**
 * Why the bank cannot serve these pools (the DrawError message), or null when every draw will succeed.
 * Seed-independent (see drawQuestions): check a quiz's pools when they are saved and when questions are
 * removed from the bank, rather than finding out when a learner starts an attempt.
 */
export function poolsProblem(pools: readonly QuestionPool[], bank: readonly BankEntry[]): string | null {
  try {
    drawQuestions(pools, bank, 'pools-check');
    return null;
  } catch (error) {
    if (error instanceof DrawError || error instanceof RangeError) return error.message;
    throw error;
  }
}

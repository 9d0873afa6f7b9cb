import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes items submitted together in one batch, and later ones in the next', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const group = new GroupCommit<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items.map((item) => item * 10);
      },
      { maxBatch: 100, maxConcurrent: 1, failure: (error) => error },
    );
    const first = [1, 2, 3].map((n) => group.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    // While the first batch is being written, these queue up for the second.
    const second = [4, 5].map((n) => group.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('splits at the batch limit and rejects a whole failed batch with the mapped error', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>(
      (items) => {
        sizes.push(items.length);
        return items.includes(7) ? Promise.reject(new Error('disk full')) : Promise.resolve(items);
      },
      {
        maxBatch: 5,
        maxConcurrent: 2,
        failure: (error, size) => new Error(`${size}: ${(error as Error).message}`),
      },
    );
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => group.submit(i)));
    expect(sizes).toEqual([5, 5, 2]);
    expect(results.slice(0, 5).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results.slice(5, 10).map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(
      Array(5).fill('5: disk full'),
    );
    await group.drain();
  });
});

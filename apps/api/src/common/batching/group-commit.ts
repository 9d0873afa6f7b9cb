/**
 * Group commit: callers submit one item each and wait for its result; items submitted while a batch
 * is being written join the next batch. Under load one database statement (and one WAL flush) then
 * carries hundreds of items; when idle an item is written at once (after the current event-loop
 * turn, so requests that arrived together share a batch). A caller's promise settles only after its
 * batch was written, so nothing is acknowledged before it is durable.
 *
 * `write` gets a batch and returns one result per item, in order; if it throws, every item of the
 * batch is rejected with `failure(error)`.
 */
export class GroupCommit<Item, Result> {
  private queue: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly write: (items: Item[]) => Promise<Result[]>,
    private readonly options: {
      maxBatch: number;
      /** Batches written at the same time, so database round trips overlap. */
      maxConcurrent: number;
      failure: (error: unknown, batchSize: number) => unknown;
    },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Writes everything queued and waits for the batches in flight (call on shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.queue.length > 0) {
      this.pump();
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight.size < this.options.maxConcurrent) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      const writing = this.flush(batch).finally(() => {
        this.inFlight.delete(writing);
        this.pump();
      });
      this.inFlight.add(writing);
    }
  }

  private async flush(batch: typeof this.queue): Promise<void> {
    try {
      const results = await this.write(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      const failure = this.options.failure(error, batch.length);
      for (const entry of batch) entry.reject(failure);
    }
  }
}

import { OUTBOX_ROUTES, OutboxEventType, outboxJobId } from '@hocvu/contracts';
import { redisOptionsFromUrl } from '@hocvu/server-kit';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { WorkerConfig } from '../../config/worker-config';

/** The channel the writers of outbox events notify (pg_notify in the same transaction as the event). */
export const OUTBOX_CHANNEL = 'hocvu_outbox';

/**
 * Options of every relayed job. The job id is `event-<outbox id>` (added per event): while a job is
 * kept, adding the same id again is a no-op in BullMQ, which is what makes a re-relay after a crash
 * harmless. Completed jobs are kept a week (far longer than any re-relay takes), failed ones until
 * someone looks at them; consumers get 8 attempts over about 20 minutes.
 */
export const OUTBOX_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};

/** A batch whose jobs Redis has not confirmed by then is rolled back and retried later. */
const QUEUE_ADD_TIMEOUT_MS = 10_000;
/** Longest wait between retries while the relay keeps failing (Redis down). */
const MAX_RETRY_DELAY_MS = 60_000;
const MAX_LISTEN_RECONNECT_DELAY_MS = 30_000;
/** Events of a type this worker does not know are reported at most this often. */
const UNKNOWN_TYPES_REPORT_INTERVAL_MS = 60_000;

const KNOWN_TYPES = Object.keys(OUTBOX_ROUTES) as OutboxEventType[];

/** What a relay reports after each batch: the ids it relayed (committed), or why it rolled back. */
export type OutboxBatchOutcome = { relayed: string[] } | { error: Error };

/**
 * Observation points for tests (production passes none): the crash test kills the process in
 * `afterQueued`, between the jobs reaching Redis and the batch committing.
 */
export interface OutboxRelayHooks {
  afterQueued?(eventIds: string[]): void | Promise<void>;
  afterBatch?(outcome: OutboxBatchOutcome): void;
}
export const OUTBOX_RELAY_HOOKS = Symbol('OUTBOX_RELAY_HOOKS');

interface PendingEvent {
  id: string;
  dedupeKey: string;
  type: OutboxEventType;
  payload: unknown;
}

class RedisUnavailableError extends Error {}

/**
 * Relays `outbox_events` to their queues (see docs/architecture.md, "Transactional outbox").
 *
 * One batch is one PostgreSQL transaction: lock the oldest pending events (`FOR UPDATE SKIP LOCKED`, so
 * relays in several worker processes share the work instead of repeating it), add one job per event
 * under its deterministic id, mark the events relayed, commit. A crash or a Redis failure before the
 * commit leaves the events pending; the next relay adds them again, and BullMQ ignores the ids it
 * already holds. Nothing is marked relayed that is not in the queue.
 *
 * Woken by NOTIFY on a dedicated connection (reconnected when it drops), with a poll as the fallback.
 * Not a job: a loop of its own, running in every worker process.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private redis: Redis | null = null;
  private readonly queues = new Map<string, Queue>();
  private listener: Client | null = null;
  private listenFailures = 0;
  private listenTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  /** Set by every wake-up; the drain loop runs again while it is set. */
  private wanted = false;
  private draining: Promise<void> | null = null;
  private failures = 0;
  private retryAt = 0;
  private unknownTypesReportAt = 0;
  private redisDown = false;
  private redisEverReady = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: WorkerConfig,
    @Inject(OUTBOX_RELAY_HOOKS) private readonly hooks: OutboxRelayHooks,
  ) {}

  /** Called by WorkerModule once every provider has started (see there). */
  async start(): Promise<void> {
    if (this.stopping || this.redis) return;
    this.redis = this.connectRedis();
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.pollTimer.unref();
    this.logger.log(
      `Outbox relay started: LISTEN ${OUTBOX_CHANNEL}, poll every ${this.config.OUTBOX_POLL_MS} ms, ` +
        `${this.config.OUTBOX_BATCH_SIZE} events per batch`,
    );
    this.wake();
  }

  /** Before the database pool closes: the batch in flight commits or rolls back, then connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.listenTimer);
    await this.draining;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.redis?.disconnect();
  }

  /**
   * The connection options of the queue runner, but failing fast while Redis is away (no offline
   * queue): a batch then rolls back at once instead of holding its row locks until Redis returns.
   */
  private connectRedis(): Redis {
    const redis = new Redis({
      ...redisOptionsFromUrl(this.config.REDIS_URL, true),
      enableOfflineQueue: false,
      connectionName: 'hocvu-outbox-relay',
    });
    redis.on('error', (error: Error) => {
      if (this.redisDown || this.stopping) return;
      this.redisDown = true;
      this.logger.warn(`Redis connection lost (${error.message}); outbox events wait in PostgreSQL`);
    });
    redis.on('ready', () => {
      this.redisEverReady = true;
      if (this.redisDown) this.logger.log('Redis connection back; relaying pending outbox events');
      this.redisDown = false;
      this.retryAt = 0;
      this.wake();
    });
    return redis;
  }

  private wake(): void {
    if (this.stopping) return;
    this.wanted = true;
    if (this.draining || Date.now() < this.retryAt) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** Relays batches until none is full, again while wake-ups arrived meanwhile. Never throws. */
  private async drain(): Promise<void> {
    while (this.wanted && !this.stopping) {
      this.wanted = false;
      try {
        let relayed: string[];
        do {
          relayed = await this.relayBatch();
          if (relayed.length > 0) this.hooks.afterBatch?.({ relayed });
        } while (relayed.length === this.config.OUTBOX_BATCH_SIZE && !this.stopping);
        if (this.failures > 0) this.logger.log(`Outbox relay recovered after ${this.failures} failed tries`);
        this.failures = 0;
        await this.reportUnknownTypes();
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        this.failures += 1;
        const delay = Math.min(this.config.OUTBOX_POLL_MS * 2 ** (this.failures - 1), MAX_RETRY_DELAY_MS);
        this.retryAt = Date.now() + delay;
        this.logger.warn(
          `Outbox relay failed (${this.failures} in a row); events stay pending, next try in ${delay} ms: ${error.message}`,
        );
        this.hooks.afterBatch?.({ error });
        return;
      }
    }
  }

  /** One transaction: lock pending events, queue them, mark them relayed. Returns the ids relayed. */
  private async relayBatch(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const events = await manager.query<PendingEvent[]>(
        `SELECT id::text AS id, dedupe_key AS "dedupeKey", type, payload FROM outbox_events
          WHERE relayed_at IS NULL AND type = ANY($1::text[])
          ORDER BY id
          LIMIT $2
            FOR UPDATE SKIP LOCKED`,
        [KNOWN_TYPES, this.config.OUTBOX_BATCH_SIZE],
      );
      if (events.length === 0) return [];
      const redis = this.redis;
      if (redis?.status !== 'ready') {
        // Still opening its first connection at start-up: not a failure; 'ready' wakes the relay.
        if (!this.redisEverReady && (redis?.status === 'connecting' || redis?.status === 'connect'))
          return [];
        throw new RedisUnavailableError(`Redis is not connected (${redis?.status ?? 'not opened'})`);
      }
      const byQueue = new Map<string, PendingEvent[]>();
      for (const event of events) {
        const queue = OUTBOX_ROUTES[event.type].queue;
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), event]);
      }
      for (const [queueName, batch] of byQueue) {
        await withTimeout(
          this.queue(queueName, redis).addBulk(
            batch.map((event) => ({
              name: event.type,
              data: event.payload,
              opts: { ...OUTBOX_JOB_OPTIONS, jobId: outboxJobId(event.dedupeKey) },
            })),
          ),
          QUEUE_ADD_TIMEOUT_MS,
          `Redis did not confirm ${batch.length} jobs on ${queueName} within ${QUEUE_ADD_TIMEOUT_MS} ms`,
        );
      }
      const ids = events.map((event) => event.id);
      await this.hooks.afterQueued?.(ids);
      await manager.query(`UPDATE outbox_events SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      return ids;
    });
  }

  private queue(name: string, connection: Redis): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix: this.config.REDIS_PREFIX });
      // Connection errors are reported once by the shared connection's own listener.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Events of a type this worker has no route for (written by a newer API, say) are left pending for a
   * worker that knows them, and reported, since nothing else will be.
   */
  private async reportUnknownTypes(): Promise<void> {
    if (Date.now() < this.unknownTypesReportAt) return;
    this.unknownTypesReportAt = Date.now() + UNKNOWN_TYPES_REPORT_INTERVAL_MS;
    const unknown = await this.dataSource.query<{ type: string; count: number }[]>(
      `SELECT type, count(*)::int AS count FROM outbox_events
        WHERE relayed_at IS NULL AND NOT (type = ANY($1::text[]))
        GROUP BY type`,
      [KNOWN_TYPES],
    );
    for (const { type, count } of unknown) {
      this.logger.error(
        `${count} outbox events of unknown type "${type}" left unrelayed (no route in this worker)`,
      );
    }
  }

  /** Opens the LISTEN connection; on failure or when it drops later, tries again with a growing delay. */
  private async listen(): Promise<void> {
    if (this.stopping) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'hocvu-worker-outbox',
      keepAlive: true,
    });
    this.listener = client;
    client.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) this.wake();
    });
    client.on('error', (error) => this.listenLost(client, error));
    client.on('end', () => this.listenLost(client, new Error('connection closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.listenFailures > 0) this.logger.log(`LISTEN ${OUTBOX_CHANNEL} connection restored`);
      this.listenFailures = 0;
      this.wake(); // events written while nobody listened
    } catch (error) {
      this.listenLost(client, error as Error);
    }
  }

  private listenLost(client: Client, error: Error): void {
    if (this.listener !== client || this.stopping) return; // already handled, or shutting down
    this.listener = null;
    void client.end().catch(() => undefined);
    const delay = Math.min(1000 * 2 ** this.listenFailures, MAX_LISTEN_RECONNECT_DELAY_MS);
    this.listenFailures += 1;
    this.logger.warn(
      `LISTEN ${OUTBOX_CHANNEL} connection lost (${error.message}); reconnecting in ${delay} ms, ` +
        `polling every ${this.config.OUTBOX_POLL_MS} ms meanwhile`,
    );
    this.listenTimer = setTimeout(() => void this.listen(), delay);
    this.listenTimer.unref();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  // An add given up on may still land later (harmless: same job ids); its outcome is nobody's concern.
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

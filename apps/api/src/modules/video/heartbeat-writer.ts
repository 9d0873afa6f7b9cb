import { ErrorCode, MAX_PLAYBACK_RATE } from '@hocvu/contracts';
import { coveredSeconds, Interval, mergeIntervals, newlyCoveredSeconds } from '@hocvu/media';
import { recordLessonCompletions } from '@hocvu/progress';
import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { GroupCommit } from '../../common/batching/group-commit';
import { AppError } from '../../common/errors/app-error';
import { PlaybackClaims } from './media-signer';

export interface Heartbeat {
  claims: PlaybackClaims;
  intervals: Interval[];
  position: number;
  receivedAt: Date;
}

export interface HeartbeatOutcome {
  watchedSeconds: number;
  watchedPercent: number;
  completed: boolean;
}

interface ProgressState {
  userId: string;
  lessonId: string;
  intervals: Interval[];
  watchedSeconds: number;
  positionSeconds: number;
  heartbeats: number;
  lastHeartbeatAt: Date;
  creditSeconds: number;
  /** The video this progress is for; null on rows older than the column. */
  assetId: string | null;
  durationSeconds: number;
  completedAt: Date | null;
  newlyCompleted: boolean;
  courseId: string;
}

/**
 * Watching is paid for with credit: wall-clock time × the fastest speed flows in, new watched
 * seconds flow out. The credit is capped, so many rapid heartbeats cannot each claim a slack of
 * their own, while a report delayed by a short network gap (video played from the buffer) still
 * fits. New rows start with the column default (15 s: the first report comes ~10 s after play).
 */
const CREDIT_CAP_SECONDS = 120;
/** Credit of a fresh row (the column default) or of progress restarted for a new video. */
const INITIAL_CREDIT_SECONDS = 15;
/** Rounding of client and server clocks. */
const CREDIT_TOLERANCE_SECONDS = 1;
/** Largest batch one transaction writes. */
const MAX_BATCH = 500;
/**
 * Batches written at the same time. Keys are locked in one global order (sorted), so concurrent
 * batches touching the same learner wait for each other instead of deadlocking.
 */
const MAX_CONCURRENT_BATCHES = 3;

/**
 * Group commit for heartbeats. Requests arriving while a batch is being written wait for the next
 * batch, so under load one transaction carries hundreds of heartbeats; when idle a heartbeat is
 * written at once. A heartbeat is acknowledged only after its batch committed, so an acknowledged
 * heartbeat is never lost; a failed batch fails all its requests and the players retry (merging
 * intervals is idempotent, so a retried or replayed heartbeat changes nothing).
 */
@Injectable()
export class HeartbeatWriter implements OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatWriter.name);
  private readonly group = new GroupCommit<Heartbeat, HeartbeatOutcome | AppError>(
    (batch) => this.write(batch),
    {
      maxBatch: MAX_BATCH,
      maxConcurrent: MAX_CONCURRENT_BATCHES,
      failure: (error, size) => {
        this.logger.error(`Heartbeat batch of ${size} failed: ${(error as Error).message}`);
        return new AppError(
          ErrorCode.ServiceUnavailable,
          HttpStatus.SERVICE_UNAVAILABLE,
          'Progress could not be saved; it will be sent again',
        );
      },
    },
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  submit(heartbeat: Heartbeat): Promise<HeartbeatOutcome> {
    // A refused heartbeat (too fast, …) fails only its own request, not the batch.
    return this.group.submit(heartbeat).then((outcome) => {
      if (outcome instanceof AppError) throw outcome;
      return outcome;
    });
  }

  private async write(heartbeats: Heartbeat[]): Promise<(HeartbeatOutcome | AppError)[]> {
    return this.dataSource.transaction(async (manager) => {
      const keys = uniqueKeys(heartbeats);
      // Rows for first heartbeats; their clock starts when the playback token was issued.
      await manager.query(
        `INSERT INTO video_progress (user_id, lesson_id, course_id, duration_seconds, last_heartbeat_at, asset_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::real[], $5::timestamptz[], $6::uuid[])
         ON CONFLICT (user_id, lesson_id) DO NOTHING`,
        [
          keys.map((k) => k.userId),
          keys.map((k) => k.lessonId),
          keys.map((k) => k.courseId),
          keys.map((k) => k.durationSeconds),
          keys.map((k) => new Date(k.issuedAt * 1000)),
          keys.map((k) => k.assetId),
        ],
      );
      // Row locks serialise concurrent batches (several API instances) for the same learner and video.
      const rows = await manager.query<(Omit<ProgressState, 'newlyCompleted'> & { intervals: Interval[] })[]>(
        `SELECT v.user_id AS "userId", v.lesson_id AS "lessonId", v.course_id AS "courseId", v.intervals,
                v.watched_seconds AS "watchedSeconds", v.position_seconds AS "positionSeconds", v.heartbeats,
                v.last_heartbeat_at AS "lastHeartbeatAt", v.completed_at AS "completedAt",
                v.watch_credit_seconds AS "creditSeconds", v.asset_id AS "assetId",
                v.duration_seconds AS "durationSeconds"
           FROM video_progress v
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, lesson_id)
             ON v.user_id = k.user_id AND v.lesson_id = k.lesson_id
          ORDER BY v.user_id, v.lesson_id
            FOR UPDATE OF v`,
        [keys.map((k) => k.userId), keys.map((k) => k.lessonId)],
      );
      const states = new Map(
        rows.map((row) => [keyOf(row.userId, row.lessonId), { ...row, newlyCompleted: false }]),
      );

      const outcomes = heartbeats.map((heartbeat) => {
        const state = states.get(keyOf(heartbeat.claims.userId, heartbeat.claims.lessonId)) as ProgressState;
        return apply(state, heartbeat);
      });

      const changed = [...states.values()];
      await manager.query(
        `UPDATE video_progress v
            SET intervals = x.intervals, watched_seconds = x.watched_seconds, position_seconds = x.position_seconds,
                heartbeats = x.heartbeats, last_heartbeat_at = x.last_heartbeat_at, completed_at = x.completed_at,
                watch_credit_seconds = x.watch_credit_seconds, asset_id = x.asset_id,
                duration_seconds = x.duration_seconds
           FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, lesson_id uuid, intervals jsonb, watched_seconds real,
                position_seconds real, heartbeats integer, last_heartbeat_at timestamptz, completed_at timestamptz,
                watch_credit_seconds real, asset_id uuid, duration_seconds real)
          WHERE v.user_id = x.user_id AND v.lesson_id = x.lesson_id`,
        [
          JSON.stringify(
            changed.map((s) => ({
              user_id: s.userId,
              lesson_id: s.lessonId,
              intervals: s.intervals,
              watched_seconds: s.watchedSeconds,
              position_seconds: s.positionSeconds,
              heartbeats: s.heartbeats,
              last_heartbeat_at: s.lastHeartbeatAt,
              completed_at: s.completedAt,
              watch_credit_seconds: s.creditSeconds,
              asset_id: s.assetId,
              duration_seconds: s.durationSeconds,
            })),
          ),
        ],
      );
      const completed = changed.filter((s) => s.newlyCompleted);
      // Completing the last lesson may complete the course: recorded, with its event, in this transaction.
      await recordLessonCompletions(
        manager,
        completed.map(({ userId, courseId, lessonId }) => ({ userId, courseId, lessonId })),
      );
      return outcomes;
    });
  }

  onApplicationShutdown(): Promise<void> {
    // Acknowledge nothing that is not written: finish the batches in flight before closing.
    return this.group.drain();
  }
}

/** Applies one heartbeat to the learner's state; refuses watching faster than real time allows. */
function apply(state: ProgressState, heartbeat: Heartbeat): HeartbeatOutcome | AppError {
  const { claims } = heartbeat;
  if (state.assetId !== null && state.assetId !== claims.assetId) {
    // The lesson has a new video: what was watched of the old one does not count for it. (A lesson
    // already completed stays completed: lesson_completions is never taken back.)
    Object.assign(state, {
      intervals: [],
      watchedSeconds: 0,
      positionSeconds: 0,
      completedAt: null,
      creditSeconds: INITIAL_CREDIT_SECONDS,
      lastHeartbeatAt: new Date(claims.issuedAt * 1000),
    });
  }
  state.assetId = claims.assetId;
  state.durationSeconds = claims.durationSeconds;
  const added = newlyCoveredSeconds(state.intervals, heartbeat.intervals);
  const elapsed = Math.max(
    0,
    (heartbeat.receivedAt.getTime() - new Date(state.lastHeartbeatAt).getTime()) / 1000,
  );
  const credit = Math.min(CREDIT_CAP_SECONDS, state.creditSeconds + elapsed * MAX_PLAYBACK_RATE);
  if (added > credit + CREDIT_TOLERANCE_SECONDS) {
    return new AppError(
      ErrorCode.HeartbeatTooFast,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'More video was reported watched than time has passed',
      { addedSeconds: Math.round(added), allowedSeconds: Math.floor(credit) },
    );
  }
  state.creditSeconds = Math.max(0, credit - added);
  state.intervals = mergeIntervals([...state.intervals, ...heartbeat.intervals]);
  state.watchedSeconds = Math.min(coveredSeconds(state.intervals), claims.durationSeconds);
  state.positionSeconds = heartbeat.position;
  state.heartbeats += 1;
  state.lastHeartbeatAt = heartbeat.receivedAt;
  const percent = claims.durationSeconds > 0 ? (state.watchedSeconds * 100) / claims.durationSeconds : 0;
  if (!state.completedAt && percent >= claims.completionPercent) {
    state.completedAt = heartbeat.receivedAt;
    state.newlyCompleted = true;
  }
  return {
    watchedSeconds: Math.round(state.watchedSeconds * 10) / 10,
    watchedPercent: Math.min(100, Math.floor(percent)),
    completed: state.completedAt !== null,
  };
}

function keyOf(userId: string, lessonId: string): string {
  return `${userId}:${lessonId}`;
}

/** One claim per learner and lesson, sorted: every batch locks rows in the same order. */
function uniqueKeys(heartbeats: Heartbeat[]) {
  const keys = new Map<string, PlaybackClaims>();
  for (const { claims } of heartbeats) keys.set(keyOf(claims.userId, claims.lessonId), claims);
  return [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, claims]) => claims);
}

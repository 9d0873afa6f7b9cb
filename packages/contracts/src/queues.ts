/**
 * The job registry: every queue, every job name and the payload each job carries. The worker
 * refuses to start unless each job here has exactly one handler.
 */
export const QueueName = {
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  PurgeExpiredSessions: 'PurgeExpiredSessions',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: {
    /** Refresh sessions that expired or were revoked longer ago than this are deleted. */
    olderThanDays: number;
  };
}

export interface JobDefinition {
  queue: QueueName;
  /** Cron pattern (Asia/Ho_Chi_Minh) for jobs the worker schedules itself; absent for on-demand jobs. */
  repeat?: { pattern: string; payload: unknown };
}

export const JOBS: Readonly<Record<JobName, JobDefinition>> = {
  [JobName.PurgeExpiredSessions]: {
    queue: QueueName.Maintenance,
    repeat: { pattern: '17 3 * * *', payload: { olderThanDays: 7 } },
  },
};

export const JOB_TIMEZONE = 'Asia/Ho_Chi_Minh';

import type {
  CampaignReportRequestedEvent,
  CertificateBatchApprovedEvent,
  CourseCompletedEvent,
} from './events';

/**
 * The job registry: every queue, every job name and the payload each job carries. The worker
 * refuses to start unless each job here has exactly one handler.
 */
export const QueueName = {
  Maintenance: 'maintenance',
  Media: 'media',
  /** Outbox events about learning (see events.ts): certificates are issued from here. */
  CourseEvents: 'course-events',
  /** The VNeID attestation push and the reconciliations. */
  Certificates: 'certificates',
  /** Campaign reports (outbox events from admins' requests, and the quarterly schedule). */
  Reports: 'reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** Outbox event: issue the enrolment's certificate. */
  CourseCompleted: 'CourseCompleted',
  /** Outbox event: issue the certificates of an approved skill-certificate batch. */
  CertificateBatchApproved: 'CertificateBatchApproved',
  /** Sends due attestations (pending, or sent and due for a retry) to VNeID. */
  PushAttestations: 'PushAttestations',
  /** Compares attestation states with VNeID's and fixes drift; queues missing attestations. */
  ReconcileAttestations: 'ReconcileAttestations',
  /** Issues certificates for completions that have none (an event lost before the outbox existed, a failed job). */
  ReconcileCertificates: 'ReconcileCertificates',
  CloseExpiredAttempts: 'CloseExpiredAttempts',
  /** Outbox event: generate a campaign report (figures, XLSX, PDF) into storage. */
  CampaignReportRequested: 'CampaignReportRequested',
  /** Each quarter: requests the report of the quarter just ended for the province and each commune. */
  ScheduleQuarterlyReports: 'ScheduleQuarterlyReports',
  /** Asks again for reports whose job was lost (queued or running without progress for long). */
  RecoverCampaignReports: 'RecoverCampaignReports',
  /** Refreshes the campaign dashboards' materialised views (campaign_learner_stages, campaign_funnel). */
  RefreshCampaignStats: 'RefreshCampaignStats',
  PurgeExpiredSessions: 'PurgeExpiredSessions',
  PurgeRelayedOutbox: 'PurgeRelayedOutbox',
  TranscodeVideo: 'TranscodeVideo',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.CourseCompleted]: CourseCompletedEvent;
  [JobName.CertificateBatchApproved]: CertificateBatchApprovedEvent;
  [JobName.PushAttestations]: {
    /** Rows leased per round; a run goes on until nothing is due or its time budget is spent. */
    batchSize: number;
  };
  [JobName.ReconcileAttestations]: {
    /** Rows compared with VNeID per run, oldest check first. */
    batchSize: number;
  };
  [JobName.ReconcileCertificates]: {
    /** Completions older than this without a certificate get one (younger ones are still in flight). */
    olderThanMinutes: number;
    batchSize: number;
  };
  [JobName.CloseExpiredAttempts]: {
    /** Attempts fetched (and then finished one transaction each) per round; a run does a few rounds at most. */
    batchSize: number;
  };
  [JobName.RefreshCampaignStats]: Record<string, never>;
  [JobName.CampaignReportRequested]: CampaignReportRequestedEvent;
  [JobName.ScheduleQuarterlyReports]: Record<string, never>;
  [JobName.RecoverCampaignReports]: {
    /** A report queued or running without progress for this long lost its job. */
    staleMinutes: number;
    /** After this many requeues the report is failed for good instead. */
    maxRequeues: number;
  };
  [JobName.PurgeExpiredSessions]: {
    /** Refresh sessions that expired or were revoked longer ago than this are deleted. */
    olderThanDays: number;
  };
  [JobName.PurgeRelayedOutbox]: {
    /** Outbox rows relayed to the queue longer ago than this are deleted (never pending ones). */
    olderThanDays: number;
  };
  [JobName.TranscodeVideo]: {
    assetId: string;
    /** Each (re-)transcode of an asset is a new generation, published under its own prefix. */
    generation: number;
  };
}

export interface JobDefinition {
  queue: QueueName;
  /** Cron pattern (Asia/Ho_Chi_Minh) for jobs the worker schedules itself; absent for on-demand jobs. */
  repeat?: {
    pattern: string;
    payload: unknown;
    /** Also run once when a worker starts (e.g. aggregates a fresh install would otherwise wait for). */
    atStart?: boolean;
  };
}

export const JOBS: Readonly<Record<JobName, JobDefinition>> = {
  [JobName.CourseCompleted]: { queue: QueueName.CourseEvents },
  [JobName.CertificateBatchApproved]: { queue: QueueName.CourseEvents },
  // The attestation queue itself lives in PostgreSQL (certificate_attestations); this job drains it.
  [JobName.PushAttestations]: {
    queue: QueueName.Certificates,
    repeat: { pattern: '*/10 * * * * *', payload: { batchSize: 100 } },
  },
  [JobName.ReconcileAttestations]: {
    queue: QueueName.Certificates,
    repeat: { pattern: '*/15 * * * *', payload: { batchSize: 500 } },
  },
  [JobName.ReconcileCertificates]: {
    queue: QueueName.Certificates,
    repeat: { pattern: '7,37 * * * *', payload: { olderThanMinutes: 10, batchSize: 500 } },
  },
  // Quiz attempts whose learner never came back are graded from their saved answers within a minute of
  // their deadline, so a passed final exam completes the course without the learner returning.
  [JobName.CloseExpiredAttempts]: {
    queue: QueueName.Maintenance,
    repeat: { pattern: '* * * * *', payload: { batchSize: 200 } },
  },
  // Dashboards read aggregates at most this old; a refresh of 330,000 learners takes seconds.
  [JobName.RefreshCampaignStats]: {
    queue: QueueName.Maintenance,
    repeat: { pattern: '*/5 * * * *', payload: {}, atStart: true },
  },
  [JobName.CampaignReportRequested]: { queue: QueueName.Reports },
  // Communes report before the 15th of each quarter's first month: the reports of the quarter just
  // ended are ready on its 1st, 06:00 Vietnam time. Idempotent: one scheduled report per unit and quarter.
  [JobName.ScheduleQuarterlyReports]: {
    queue: QueueName.Reports,
    repeat: { pattern: '0 6 1 1,4,7,10 *', payload: {} },
  },
  // A generation takes seconds; ten minutes without a step means its job is gone.
  [JobName.RecoverCampaignReports]: {
    queue: QueueName.Reports,
    repeat: { pattern: '*/10 * * * *', payload: { staleMinutes: 10, maxRequeues: 3 } },
  },
  [JobName.PurgeExpiredSessions]: {
    queue: QueueName.Maintenance,
    repeat: { pattern: '17 3 * * *', payload: { olderThanDays: 7 } },
  },
  // Relayed events are history once their jobs ran; completions themselves live in course_completions.
  [JobName.PurgeRelayedOutbox]: {
    queue: QueueName.Maintenance,
    repeat: { pattern: '47 3 * * *', payload: { olderThanDays: 30 } },
  },
  [JobName.TranscodeVideo]: { queue: QueueName.Media },
};

/** Deterministic job id: enqueueing the same transcode twice (a retried request) adds one job. */
export function transcodeJobId(assetId: string, generation: number): string {
  return `transcode-${assetId}-g${generation}`;
}

export const JOB_TIMEZONE = 'Asia/Ho_Chi_Minh';

/**
 * Domain events written to the transactional outbox (outbox_events) in the same transaction as the
 * change they announce, then relayed by the worker to a queue. Consumers must be idempotent: a relay
 * that dies between queueing and marking an event relayed queues it again (with the same job id, which
 * BullMQ ignores while the first job is kept).
 */
export const OutboxEventType = {
  CourseCompleted: 'CourseCompleted',
  CertificateBatchApproved: 'CertificateBatchApproved',
  /** An admin (or the quarterly schedule) asked for a campaign report: the worker generates it. */
  CampaignReportRequested: 'CampaignReportRequested',
} as const;
export type OutboxEventType = (typeof OutboxEventType)[keyof typeof OutboxEventType];

export interface CourseCompletedEvent {
  enrolmentId: string;
  userId: string;
  courseId: string;
  /** The published version whose rules the learner completed. */
  versionId: string;
  /** ISO 8601. */
  completedAt: string;
  /** Score of the passed final exam, when the course has one. */
  finalExamPercent: number | null;
}

/** A second admin approved a skill-certificate batch: issue one certificate per item. */
export interface CertificateBatchApprovedEvent {
  batchId: string;
}

export interface CampaignReportRequestedEvent {
  reportId: string;
}

export interface OutboxEventPayloads {
  [OutboxEventType.CourseCompleted]: CourseCompletedEvent;
  [OutboxEventType.CertificateBatchApproved]: CertificateBatchApprovedEvent;
  [OutboxEventType.CampaignReportRequested]: CampaignReportRequestedEvent;
}

/** Queue each event type is relayed to; the job name is the event type, the job id `outboxJobId(dedupe key)`. */
export const OUTBOX_ROUTES: Readonly<Record<OutboxEventType, { queue: string }>> = {
  [OutboxEventType.CourseCompleted]: { queue: 'course-events' },
  [OutboxEventType.CertificateBatchApproved]: { queue: 'course-events' },
  [OutboxEventType.CampaignReportRequested]: { queue: 'reports' },
};

/** The idempotency key of an event: one CourseCompleted per enrolment, ever. */
export function courseCompletedKey(enrolmentId: string): string {
  return `${OutboxEventType.CourseCompleted}:${enrolmentId}`;
}

/** The idempotency key of a batch approval: one event per batch, ever. */
export function certificateBatchApprovedKey(batchId: string): string {
  return `${OutboxEventType.CertificateBatchApproved}:${batchId}`;
}

/** The idempotency key of a report request: one generation per report row. */
export function campaignReportRequestedKey(reportId: string): string {
  return `${OutboxEventType.CampaignReportRequested}:${reportId}`;
}

/**
 * Job id of a relayed event: its idempotency key (deterministic, so a re-relay is a no-op in BullMQ).
 * Not the outbox row number: completed jobs stay in Redis for days, and a database recreated or restored
 * under the same Redis numbers its rows again from 1 — BullMQ would take the new events for the old,
 * already completed jobs and drop them. Keys name a UUID, so they never repeat across databases.
 * BullMQ forbids ':' in custom ids, hence the '.'.
 */
export function outboxJobId(dedupeKey: string): string {
  return `event-${dedupeKey.replaceAll(':', '.')}`;
}

import { JOBS } from '@hocvu/contracts';
import { pinoOptions } from '@hocvu/server-kit';
import { DynamicModule, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { WorkerConfig } from './config/worker-config';
import {
  attestationAdapterProvider,
  circuitBreakerProvider,
  fieldCipherProvider,
} from './jobs/attestations/attestation.providers';
import { WorkerEncryptionKeyCheck } from './jobs/attestations/encryption-key-check';
import { PushAttestationsHandler } from './jobs/attestations/push-attestations.handler';
import { ReconcileAttestationsHandler } from './jobs/attestations/reconcile-attestations.handler';
import { RefreshCampaignStatsHandler } from './jobs/campaign/refresh-campaign-stats.handler';
import { CertificateBatchApprovedHandler } from './jobs/certificates/certificate-batch-approved.handler';
import { CertificateIssuer } from './jobs/certificates/certificate-issuer.service';
import { CourseCompletedHandler } from './jobs/certificates/course-completed.handler';
import { issuerProvider } from './jobs/certificates/issuer.provider';
import { ReconcileCertificatesHandler } from './jobs/certificates/reconcile-certificates.handler';
import { PurgeExpiredSessionsHandler } from './jobs/maintenance/purge-expired-sessions.handler';
import { storageProvider } from './jobs/media/storage.provider';
import { TranscodeVideoHandler } from './jobs/media/transcode-video.handler';
import { OUTBOX_RELAY_HOOKS, OutboxRelay, OutboxRelayHooks } from './jobs/outbox/outbox-relay.service';
import { PurgeRelayedOutboxHandler } from './jobs/outbox/purge-relayed-outbox.handler';
import { CloseExpiredAttemptsHandler } from './jobs/quizzes/close-expired-attempts.handler';
import { CampaignReportRequestedHandler } from './jobs/reports/campaign-report-requested.handler';
import { RecoverCampaignReportsHandler } from './jobs/reports/recover-campaign-reports.handler';
import { ScheduleQuarterlyReportsHandler } from './jobs/reports/schedule-quarterly-reports.handler';
import { JOB_TABLE, JobTable, QueueRunner, WORKER_TUNING, WorkerTuning } from './queue/queue-runner.service';

/** Every job handler of the worker; the runner checks this list against the registry at start-up. */
export const JOB_HANDLERS: Provider[] = [
  RefreshCampaignStatsHandler,
  CampaignReportRequestedHandler,
  ScheduleQuarterlyReportsHandler,
  RecoverCampaignReportsHandler,
  CertificateBatchApprovedHandler,
  CloseExpiredAttemptsHandler,
  CourseCompletedHandler,
  PushAttestationsHandler,
  ReconcileAttestationsHandler,
  ReconcileCertificatesHandler,
  PurgeExpiredSessionsHandler,
  PurgeRelayedOutboxHandler,
  TranscodeVideoHandler,
];

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly outboxRelay: OutboxRelay) {}

  static forConfig(
    config: WorkerConfig,
    options: {
      handlers?: Provider[];
      jobs?: JobTable;
      tuning?: WorkerTuning;
      /** Test observation points of the outbox relay. */
      outboxRelayHooks?: OutboxRelayHooks;
    } = {},
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot({
          pinoHttp: pinoOptions({ name: 'hocvu-worker', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }),
        }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          synchronize: false,
          extra: { max: 5, application_name: 'hocvu-worker' },
        }),
      ],
      providers: [
        { provide: WorkerConfig, useValue: config },
        { provide: JOB_TABLE, useValue: options.jobs ?? JOBS },
        // A crashed worker's job is offered again once its 30 s lock lapses (BullMQ's stalled check).
        { provide: WORKER_TUNING, useValue: options.tuning ?? { lockDuration: 30_000, maxStalledCount: 2 } },
        QueueRunner,
        OutboxRelay,
        { provide: OUTBOX_RELAY_HOOKS, useValue: options.outboxRelayHooks ?? {} },
        storageProvider,
        fieldCipherProvider,
        WorkerEncryptionKeyCheck,
        issuerProvider,
        CertificateIssuer,
        attestationAdapterProvider,
        circuitBreakerProvider,
        ...(options.handlers ?? JOB_HANDLERS),
      ],
    };
  }

  /**
   * Nest runs a module's own hook after every provider of it started, so the relay starts only in a
   * worker that passed the queue runner's registry check: one that refuses to start relays nothing.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.outboxRelay.start();
  }
}

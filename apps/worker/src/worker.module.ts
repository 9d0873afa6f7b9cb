import { JOBS } from '@hocvu/contracts';
import { pinoOptions } from '@hocvu/server-kit';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { WorkerConfig } from './config/worker-config';
import { PurgeExpiredSessionsHandler } from './jobs/maintenance/purge-expired-sessions.handler';
import { storageProvider } from './jobs/media/storage.provider';
import { TranscodeVideoHandler } from './jobs/media/transcode-video.handler';
import { JOB_TABLE, JobTable, QueueRunner, WORKER_TUNING, WorkerTuning } from './queue/queue-runner.service';

/** Every job handler of the worker; the runner checks this list against the registry at start-up. */
export const JOB_HANDLERS: Provider[] = [PurgeExpiredSessionsHandler, TranscodeVideoHandler];

@Module({})
export class WorkerModule {
  static forConfig(
    config: WorkerConfig,
    options: { handlers?: Provider[]; jobs?: JobTable; tuning?: WorkerTuning } = {},
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
        storageProvider,
        ...(options.handlers ?? JOB_HANDLERS),
      ],
    };
  }
}

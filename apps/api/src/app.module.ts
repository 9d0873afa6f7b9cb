import { loggableUrl, pinoOptions } from '@hocvu/server-kit';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { AccessGuard } from './common/auth/access.guard';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { ApiConfig } from './config/api-config';
import { ApiConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { AdminUnitsModule } from './modules/admin-units/admin-units.module';
import { AmbassadorsModule } from './modules/ambassadors/ambassadors.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CampaignModule } from './modules/campaign/campaign.module';
import { CampaignReportsModule } from './modules/campaign-reports/campaign-reports.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { CommunitySessionsModule } from './modules/community-sessions/community-sessions.module';
import { CoursesModule } from './modules/courses/courses.module';
import { HealthController } from './modules/health/health.controller';
import { LanguagesModule } from './modules/languages/languages.module';
import { LearningModule } from './modules/learning/learning.module';
import { QuestionsModule } from './modules/questions/questions.module';
import { QuizzesModule } from './modules/quizzes/quizzes.module';
import { RostersModule } from './modules/rosters/rosters.module';
import { UsersModule } from './modules/users/users.module';
import { VideoModule } from './modules/video/video.module';
import { VneidModule } from './modules/vneid/vneid.module';
import { JobQueueModule } from './queue/job-queue.module';
import { RedisModule } from './redis/redis.module';
import { StorageModule } from './storage/storage.module';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Named wildcard (path-to-regexp 8 syntax) instead of the default '*'.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            ...pinoOptions({ name: 'hocvu-api', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }),
            // The id was minted by Fastify (see request-id.ts) and written onto the raw request.
            genReqId: (request) => String(request.headers['x-request-id'] ?? ''),
            autoLogging: { ignore: (request) => request.url === '/api/health' },
            quietReqLogger: true,
            // Log what operations need, not headers (cookies, tokens) or full query strings (phones).
            serializers: {
              req: (request: { id: unknown; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: loggableUrl(request.url),
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE)),
        RedisModule,
        StorageModule,
        JobQueueModule,
        AuditModule,
        UsersModule,
        AuthModule,
        VneidModule,
        CertificatesModule,
        CampaignModule,
        CampaignReportsModule,
        AdminUnitsModule,
        LanguagesModule,
        CoursesModule,
        CatalogueModule,
        LearningModule,
        VideoModule,
        QuestionsModule,
        QuizzesModule,
        RostersModule,
        AmbassadorsModule,
        CommunitySessionsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}

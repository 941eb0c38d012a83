import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { Environment, validateEnvironment } from '@pathway/config';
import { EventStoreModule, KafkaRelayService, ProjectorService, ReadModelsModule, SecurityModule } from '@pathway/runtime';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './auth/access.guard';
import { ParticipantProjects } from './auth/participant-projects';
import { DemoSeeder } from './demo-seeder';
import { rateLimit } from './http/rate-limit';
import { ExportsController } from './exports/exports.controller';
import { ParticipantFilesController } from './participant-files/participant-files.controller';
import { ParticipantFiles } from './participant-files/participant-files';
import { FunderExports } from './exports/funder-exports';
import { FunderReportingRule } from './exports/funder-reporting-rule';
import { ProjectCalendar } from './projects/project-calendar';
import { IndicatorExportHandler } from './exports/indicator-export.query';
import { SubmitReportHandler } from './exports/submit-report.command';
import { SubmittedReportsHandler } from './exports/submitted-reports.query';
import { GroupSessionsController } from './group-sessions/group-sessions.controller';
import { RecordGroupSessionHandler } from './group-sessions/record-group-session.command';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { IndicatorReportHandler } from './indicators/indicator-report.query';
import { IndicatorComparisonHandler, SubmittedReportComparisonHandler } from './indicators/indicator-comparison.query';
import { FigureParticipantsHandler } from './indicators/figure-participants.query';
import { IndicatorsController } from './indicators/indicators.controller';
import { ParticipantPathwayHandler } from './participants/participant-pathway.query';
import { ProjectionsController } from './projections/projections.controller';
import { ProjectParticipantsHandler } from './projects/project-participants.query';
import { ProjectListHandler, ProjectSummaryHandler } from './projects/project-summary.query';
import { ChangeContactDetailsHandler } from './participants/change-contact-details.command';
import { EnrolParticipantHandler } from './participants/enrol-participant.command';
import { ErasePersonalDataHandler } from './participants/erase-personal-data.command';
import { CorrectEntryProfileHandler } from './participants/correct-entry-profile.command';
import { WithdrawEnrolmentHandler } from './participants/withdraw-enrolment.command';
import { PersonalDataReader } from './participants/personal-data-reader';
import { ErasureRecordHandler } from './participants/erasure-record.query';
import { ParticipantKeys } from './participants/participant-keys';
import { ParticipantIdentityIndex } from './participants/participant-identity-index';
import { ParticipantNames } from './participants/participant-names';
import { ParticipantHistoryHandler } from './participants/participant-history.query';
import { ParticipantIndicatorsHandler } from './participants/participant-indicators.query';
import { ParticipantsController } from './participants/participants.controller';
import { RecordMilestoneHandler } from './participants/record-milestone.command';
import { RetractMilestoneHandler } from './participants/retract-milestone.command';
import { ProjectsController } from './projects/projects.controller';
import { RegisterProjectHandler } from './projects/register-project.command';
import { ChangeProjectDetailsHandler } from './projects/change-project-details.command';
import { LocalAccountsCloser, localAccountsProviders } from './session/local-accounts.provider';
import { OidcController } from './session/oidc.controller';
import { oidcProviders, ProviderSessionsCloser } from './session/oidc.provider';
import { SessionController } from './session/session.controller';
import { UsersController } from './session/users.controller';
import { LikelyDuplicatesFinder } from './worklist/likely-duplicates.finder';
import { ProjectWorklistHandler } from './worklist/project-worklist.query';
import { WorklistController } from './worklist/worklist.controller';
import { DataProtection } from './data-protection/data-protection';
import { ImportsController } from './imports/imports.controller';
import { RetentionController } from './data-protection/retention.controller';
import { SubjectAccessController } from './data-protection/subject-access.controller';

const logging = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>) => ({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
      // Requests are logged by method, path and status only: bodies, headers and query strings
      // (a status filter once carried a name and a phone number) may hold personal data.
      // The serializers read the raw request and response: pino-http's wrappers would first copy
      // headers and more into an object of their own on every request, only for these to drop them.
      wrapSerializers: false,
      serializers: {
        req: (req: { id: unknown; method: string; url: string; originalUrl?: string }) => ({ id: req.id, method: req.method, url: (req.originalUrl ?? req.url).split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  }),
});

@Module({})
export class AppModule {
  /** `settings` override the process environment: how tests point the app at their own files. */
  static forRoot(settings: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => validateEnvironment({ ...env, ...settings }),
        }),
        logging,
        CqrsModule.forRoot(),
        EventStoreModule,
        ReadModelsModule,
        SecurityModule,
        rateLimit,
      ],
      controllers: [HealthController, MetricsController, ProjectsController, ParticipantsController, IndicatorsController, ExportsController, ParticipantFilesController, ProjectionsController, AuditController, SessionController, OidcController, UsersController, WorklistController, GroupSessionsController, SubjectAccessController, RetentionController, ImportsController],
      providers: [
        // Guards run in this order: who is calling and may they, then how often.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        ParticipantProjects,
        ...localAccountsProviders,
        LocalAccountsCloser,
        ...oidcProviders,
        ProviderSessionsCloser,
        RegisterProjectHandler,
        ChangeProjectDetailsHandler,
        SubmittedReportsHandler,
        EnrolParticipantHandler,
        RecordMilestoneHandler,
        RetractMilestoneHandler,
        RecordGroupSessionHandler,
        ChangeContactDetailsHandler,
        ErasePersonalDataHandler,
        CorrectEntryProfileHandler,
        WithdrawEnrolmentHandler,
        PersonalDataReader,
        ParticipantKeys,
        ParticipantIdentityIndex,
        ParticipantNames,
        ErasureRecordHandler,
        ParticipantHistoryHandler,
        ParticipantPathwayHandler,
        ParticipantIndicatorsHandler,
        ProjectSummaryHandler,
        ProjectListHandler,
        ProjectParticipantsHandler,
        IndicatorReportHandler,
        IndicatorComparisonHandler,
        FigureParticipantsHandler,
        SubmittedReportComparisonHandler,
        FunderExports,
        ParticipantFiles,
        FunderReportingRule,
        ProjectCalendar,
        IndicatorExportHandler,
        SubmitReportHandler,
        ProjectWorklistHandler,
        LikelyDuplicatesFinder,
        ProjectorService,
        KafkaRelayService,
        DemoSeeder,
        DataProtection,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from '@pathway/config';
import { EventStoreModule, KafkaRelayService, ProjectorService, ReadModelsModule } from '@pathway/runtime';

/**
 * The production worker: the projections (and, later, the Kafka relay) off the event log.
 * It shares nothing with the API but the event store and the read-model database.
 */
@Module({})
export class ProjectorModule {
  static forRoot(settings: Record<string, string> = {}): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          // This process is the projector, whatever RUN_PROJECTOR says for the API.
          validate: (env) => validateEnvironment({ ...env, ...settings, RUN_PROJECTOR: 'true' }),
        }),
        EventStoreModule,
        ReadModelsModule,
      ],
      providers: [ProjectorService, KafkaRelayService],
    };
  }
}

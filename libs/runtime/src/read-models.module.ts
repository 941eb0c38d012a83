import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { setTimeout as sleep } from 'node:timers/promises';
import { Environment, readModelDbConfig } from '@pathway/config';
import { ensureSchema, openReadModelDb, READ_MODEL_SCHEMA_VERSION, ReadModelDb } from '@pathway/read-models';

export const READ_MODELS = Symbol('ReadModels');

/**
 * The read-model database. The process that runs the projector owns the schema (creates it,
 * recreates it for a new version); a process that only reads waits until it is there.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODELS,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<Environment, true>): Promise<ReadModelDb> => {
        const readModels = openReadModelDb(
          readModelDbConfig({
            READ_MODEL_DB: config.get('READ_MODEL_DB'),
            DATA_DIR: config.get('DATA_DIR'),
            DATABASE_URL: config.get('DATABASE_URL'),
          }),
        );
        if (config.get('RUN_PROJECTOR')) {
          const { recreated } = await ensureSchema(readModels.db);
          if (recreated) new Logger('ReadModels').log(`Read-model schema ${READ_MODEL_SCHEMA_VERSION} created; projecting from position 0`);
        } else {
          await waitForSchema(readModels);
        }
        return readModels;
      },
    },
  ],
  exports: [READ_MODELS],
})
export class ReadModelsModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.db.destroy();
  }
}

async function waitForSchema({ db }: ReadModelDb, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = await db
      .selectFrom('read_model_meta')
      .select('value')
      .where('key', '=', 'schema_version')
      .executeTakeFirst()
      .catch(() => undefined);
    if (version?.value === READ_MODEL_SCHEMA_VERSION) return;
    if (Date.now() > deadline) throw new Error('The read-model schema was not set up: is the projector running?');
    await sleep(500);
  }
}

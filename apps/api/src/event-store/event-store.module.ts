import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CommandDependencies } from '@pathway/application';
import { EVENT_STORE, EventStore, KurrentDbEventStore, SqliteEventStore } from '@pathway/event-store';
import { Environment } from '../config/environment';

export const COMMAND_DEPENDENCIES = Symbol('CommandDependencies');

/** Chooses the event store adapter from configuration: the code above it never knows which. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): EventStore =>
        config.get('EVENT_STORE') === 'kurrentdb'
          ? new KurrentDbEventStore(config.get('EVENTSTORE_CONNECTION_STRING'))
          : new SqliteEventStore(join(config.get('DATA_DIR'), 'events.db')),
    },
    {
      provide: COMMAND_DEPENDENCIES,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore): CommandDependencies => ({ store, now: () => new Date(), newId: randomUUID }),
    },
  ],
  exports: [EVENT_STORE, COMMAND_DEPENDENCIES],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

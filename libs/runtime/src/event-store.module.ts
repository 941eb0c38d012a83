import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { CommandDependencies, StreamStateCache } from '@pathway/application';
import { Environment, openEventStore } from '@pathway/config';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { countedEventStore } from './operation-metrics';

export const COMMAND_DEPENDENCIES = Symbol('CommandDependencies');

/** Chooses the event store adapter from configuration: the code above it never knows which. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): EventStore =>
        countedEventStore(
          openEventStore({
            EVENT_STORE: config.get('EVENT_STORE'),
            DATA_DIR: config.get('DATA_DIR'),
            EVENTSTORE_CONNECTION_STRING: config.get('EVENTSTORE_CONNECTION_STRING'),
          }),
        ),
    },
    {
      provide: COMMAND_DEPENDENCIES,
      inject: [EVENT_STORE],
      // One cache of folded streams per process: commands on long streams fold only new events.
      useFactory: (store: EventStore): CommandDependencies => ({ store, now: () => new Date(), newId: randomUUID, states: new StreamStateCache() }),
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

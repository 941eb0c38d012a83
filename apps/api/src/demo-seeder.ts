import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { generateDemo } from '@pathway/demo';
import { EVENT_STORE, EventStore } from '@pathway/event-store';

/** `DEMO_PARTICIPANTS=N npm start`: a new installation comes up with demo projects to look at. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const participants = this.config.get('DEMO_PARTICIPANTS');
    if (participants === 0) return;
    if ((await this.store.headPosition()) > 0) {
      this.logger.log('The event store already holds events: no demo data added');
      return;
    }
    const { projects, events } = await generateDemo(this.store, { participants });
    this.logger.log(`Demo data recorded: ${projects} projects, ${participants} participants, ${events} events`);
  }
}

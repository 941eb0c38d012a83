import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/access.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Up when the event store answers; the head position shows how far the log has grown. */
  @Get()
  @Public()
  @SkipThrottle()
  async health() {
    try {
      return { status: 'up', eventStore: { status: 'up', headPosition: await this.store.headPosition() } };
    } catch {
      throw new ServiceUnavailableException('The event store does not answer');
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { participantStream } from '@pathway/application';
import { EVENT_STORE, EventStore } from '@pathway/event-store';

const CACHE_LIMIT = 50_000;

/**
 * Which project a participant belongs to, from the log itself (not a read model that may lag
 * behind a fresh enrolment). It never changes once enrolled, so answers are kept.
 */
@Injectable()
export class ParticipantProjects {
  private readonly known = new Map<string, string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(participantId: string): Promise<string | null> {
    const cached = this.known.get(participantId);
    if (cached) return cached;
    const [enrolment] = await this.store.readStream(participantStream(participantId));
    const projectId = enrolment?.data.projectId;
    if (typeof projectId !== 'string') return null;
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.set(participantId, projectId);
    return projectId;
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { participantStream, redactSealed } from '@pathway/application';
import { notFound } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';

export class ParticipantHistoryQuery {
  constructor(readonly participantId: string) {}
}

export interface ParticipantHistory {
  participantId: string;
  version: number;
  events: Array<{
    eventId: string;
    type: string;
    version: number;
    position: number;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }>;
}

/** The participant's events as stored, with who recorded each and when; sealed personal data shows as 'sealed'. */
@QueryHandler(ParticipantHistoryQuery)
export class ParticipantHistoryHandler implements IQueryHandler<ParticipantHistoryQuery, ParticipantHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ participantId }: ParticipantHistoryQuery): Promise<ParticipantHistory> {
    const recorded = await this.store.readStream(participantStream(participantId));
    if (recorded.length === 0) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    return {
      participantId,
      version: recorded.at(-1)!.streamVersion,
      events: recorded.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        version: e.streamVersion,
        position: e.position,
        data: redactSealed(e.data),
        metadata: e.metadata,
      })),
    };
  }
}

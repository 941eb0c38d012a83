import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { participantStream, redactSealed, toDomainEvent } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { notFound } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { PersonalDataReader } from './personal-data-reader';

export class ParticipantHistoryQuery {
  constructor(
    readonly participantId: string,
    readonly principal: Principal,
    readonly correlationId: string,
  ) {}
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

/**
 * The participant's events (in their current schema), with who recorded each and when. Sealed
 * personal data shows as 'sealed'; free text as the caller may see it, like the pathway view
 * (opened for the project's caseworkers, audited).
 */
@QueryHandler(ParticipantHistoryQuery)
export class ParticipantHistoryHandler implements IQueryHandler<ParticipantHistoryQuery, ParticipantHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: PersonalDataReader,
  ) {}

  async execute({ participantId, principal, correlationId }: ParticipantHistoryQuery): Promise<ParticipantHistory> {
    const recorded = await this.store.readStream(participantStream(participantId));
    if (recorded.length === 0) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    const { freeText } = await this.personalData.disclose(participantId, principal, correlationId, recorded);
    return {
      participantId,
      version: recorded.at(-1)!.streamVersion,
      events: recorded.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        version: e.streamVersion,
        position: e.position,
        data: { ...(redactSealed(toDomainEvent(e).data) as Record<string, unknown>), ...freeText.get(e.eventId) },
        metadata: e.metadata,
      })),
    };
  }
}

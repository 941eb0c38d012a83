import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pathway/domain';
import { participantPathway, PathwayView, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';

export class ParticipantPathwayQuery {
  constructor(readonly participantId: string) {}
}

@QueryHandler(ParticipantPathwayQuery)
export class ParticipantPathwayHandler implements IQueryHandler<ParticipantPathwayQuery, PathwayView> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  async execute({ participantId }: ParticipantPathwayQuery): Promise<PathwayView> {
    const view = await participantPathway(this.readModels.db, participantId);
    if (!view) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    return view;
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@pathway/auth';
import { notFound } from '@pathway/domain';
import { participantPathway, PathwayView, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { PersonalDataReader, PersonalDataView } from './personal-data-reader';

export class ParticipantPathwayQuery {
  constructor(
    readonly participantId: string,
    readonly principal: Principal,
    readonly correlationId: string,
  ) {}
}

@QueryHandler(ParticipantPathwayQuery)
export class ParticipantPathwayHandler implements IQueryHandler<ParticipantPathwayQuery, PathwayView & { personalData: PersonalDataView }> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly personalData: PersonalDataReader,
  ) {}

  async execute({ participantId, principal, correlationId }: ParticipantPathwayQuery): Promise<PathwayView & { personalData: PersonalDataView }> {
    const view = await participantPathway(this.readModels.db, participantId);
    if (!view) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    return { ...view, personalData: await this.personalData.read(participantId, principal, correlationId) };
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@pathway/auth';
import { notFound } from '@pathway/domain';
import { participantPathway, PathwayView, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { FreeTextViews, PersonalDataReader, PersonalDataView } from './personal-data-reader';

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
    const { personalData, freeText } = await this.personalData.disclose(participantId, principal, correlationId);
    return { ...withFreeText(view, freeText), personalData };
  }
}

/**
 * The read model's placeholders for free text replaced by what the caller may see of it, taken
 * from the log: a qualification's text by its event, a retraction's reason by the retraction.
 */
function withFreeText(view: PathwayView, freeText: FreeTextViews): PathwayView {
  return {
    ...view,
    timeline: view.timeline.map((m) => ({
      ...m,
      details: { ...m.details, ...freeText.get(m.eventId) },
      retracted: m.retracted && { ...m.retracted, reason: freeText.get(m.retracted.by)?.reason ?? m.retracted.reason },
    })),
  };
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { calendarDateIn, IsoDate, notFound } from '@pathway/domain';
import { CATALOGUE_VERSION, ParticipantIndicator, participantIndicators } from '@pathway/indicators';
import { participantOutcome, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { ProjectCalendar } from '../projects/project-calendar';

export class ParticipantIndicatorsQuery {
  constructor(readonly participantId: string) {}
}

export interface ParticipantIndicatorsView {
  participantId: string;
  /** The project's date today: the report the answer follows runs from the project's start to it. */
  asOf: IsoDate;
  catalogueVersion: string;
  indicators: ParticipantIndicator[];
}

/** The ESF+ indicators a participant counts in now, by the catalogue's own rules (`participantIndicators`). */
@QueryHandler(ParticipantIndicatorsQuery)
export class ParticipantIndicatorsHandler implements IQueryHandler<ParticipantIndicatorsQuery, ParticipantIndicatorsView> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly calendar: ProjectCalendar,
  ) {}

  async execute({ participantId }: ParticipantIndicatorsQuery): Promise<ParticipantIndicatorsView> {
    const outcome = await participantOutcome(this.readModels.db, participantId);
    if (!outcome) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    const asOf = calendarDateIn(this.calendar.now(), await this.calendar.zoneOf(outcome.projectId));
    return { participantId, asOf, catalogueVersion: CATALOGUE_VERSION, indicators: participantIndicators(outcome, asOf) };
  }
}

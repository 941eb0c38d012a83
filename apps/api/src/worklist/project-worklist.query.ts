import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IsoDate, TimeZone } from '@pathway/domain';
import { WORKLIST_THRESHOLDS } from '@pathway/indicators';
import { projectWorklist, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { WorklistDto } from './worklist.dto';

export class ProjectWorklistQuery {
  constructor(
    readonly projectId: string,
    readonly today: IsoDate,
    readonly timeZone: TimeZone,
  ) {}
}

@QueryHandler(ProjectWorklistQuery)
export class ProjectWorklistHandler implements IQueryHandler<ProjectWorklistQuery, WorklistDto> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  async execute({ projectId, today, timeZone }: ProjectWorklistQuery): Promise<WorklistDto> {
    const items = await projectWorklist(this.readModels.db, projectId, today);
    return { projectId, today, timeZone, thresholds: { ...WORKLIST_THRESHOLDS }, items };
  }
}

import { Inject } from '@nestjs/common';
import { Principal } from '@pathway/auth';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IsoDate, TimeZone } from '@pathway/domain';
import { WORKLIST_THRESHOLDS } from '@pathway/indicators';
import { projectWorklist, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { LikelyDuplicatesFinder } from './likely-duplicates.finder';
import { WorklistDto } from './worklist.dto';

export class ProjectWorklistQuery {
  constructor(
    readonly projectId: string,
    readonly today: IsoDate,
    readonly timeZone: TimeZone,
    readonly principal: Principal,
    readonly correlationId: string,
  ) {}
}

@QueryHandler(ProjectWorklistQuery)
export class ProjectWorklistHandler implements IQueryHandler<ProjectWorklistQuery, WorklistDto> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly duplicates: LikelyDuplicatesFinder,
  ) {}

  /**
   * The items, and for a caseworker of the project (the AccessGuard checked the project) the
   * likely duplicates: finding them opens names, which only a caseworker may have opened (an
   * admin reads the worklist without them; an evaluator not at all).
   */
  async execute({ projectId, today, timeZone, principal, correlationId }: ProjectWorklistQuery): Promise<WorklistDto> {
    const items = await projectWorklist(this.readModels.db, projectId, today);
    const worklist: WorklistDto = { projectId, today, timeZone, thresholds: { ...WORKLIST_THRESHOLDS }, items };
    if (principal.role === 'caseworker') worklist.likelyDuplicates = await this.duplicates.find(projectId, principal, correlationId);
    return worklist;
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pathway/domain';
import { projectSummary, ProjectSummary, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';

export class ProjectSummaryQuery {
  constructor(readonly projectId: string) {}
}

@QueryHandler(ProjectSummaryQuery)
export class ProjectSummaryHandler implements IQueryHandler<ProjectSummaryQuery, ProjectSummary> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  async execute({ projectId }: ProjectSummaryQuery): Promise<ProjectSummary> {
    const summary = await projectSummary(this.readModels.db, projectId);
    if (!summary) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return summary;
  }
}

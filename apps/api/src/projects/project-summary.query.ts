import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pathway/domain';
import { Principal } from '@pathway/auth';
import { projectSummaries, projectSummary, ProjectSummary, ReadModelDb } from '@pathway/read-models';
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

/** The projects a caller may see: every project for an admin, else those their token or account names. */
export class ProjectListQuery {
  constructor(readonly principal: Principal) {}
}

@QueryHandler(ProjectListQuery)
export class ProjectListHandler implements IQueryHandler<ProjectListQuery, ProjectSummary[]> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  execute({ principal }: ProjectListQuery): Promise<ProjectSummary[]> {
    return projectSummaries(this.readModels.db, principal.role === 'admin' ? 'all' : principal.projects);
  }
}

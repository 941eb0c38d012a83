import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommandDependencies, loadProjectState } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { notFound, RetentionEnd } from '@pathway/domain';
import { projectSummaries, projectSummary, ProjectSummary, ReadModelDb } from '@pathway/read-models';
import { COMMAND_DEPENDENCIES, READ_MODELS } from '@pathway/runtime';

export class ProjectSummaryQuery {
  constructor(readonly projectId: string) {}
}

/** The summary, with the retention end an admin set (null when none was): read from the project's stream. */
export type ProjectView = ProjectSummary & { retention: Omit<RetentionEnd, 'projectId'> | null };

@QueryHandler(ProjectSummaryQuery)
export class ProjectSummaryHandler implements IQueryHandler<ProjectSummaryQuery, ProjectView> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
  ) {}

  async execute({ projectId }: ProjectSummaryQuery): Promise<ProjectView> {
    const summary = await projectSummary(this.readModels.db, projectId);
    if (!summary) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    const state = await loadProjectState(this.deps, projectId);
    const retention = state.status === 'registered' && state.retention ? { retentionEnd: state.retention.retentionEnd, basis: state.retention.basis, lastPaymentOn: state.retention.lastPaymentOn } : null;
    return { ...summary, retention };
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

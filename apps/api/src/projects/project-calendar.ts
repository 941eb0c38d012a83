import { Inject, Injectable } from '@nestjs/common';
import { CommandDependencies, loadProject } from '@pathway/application';
import { notFound, TimeZone } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';

/**
 * The clock and the project's zone for queries: what "today" and "the end of 14 March" mean for a
 * report. The clock is the commands' one (`CommandDependencies.now`), so the API has one notion of now.
 * The zone comes from the project's stream in the log, not a read model that may lag: a report
 * asked right after the project was registered must not answer 404.
 */
@Injectable()
export class ProjectCalendar {
  constructor(@Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies) {}

  now(): Date {
    return this.deps.now();
  }

  /** @throws DomainError `PROJECT.NOT_FOUND` (404) for an unknown project. */
  async zoneOf(projectId: string): Promise<TimeZone> {
    const project = await loadProject(this.deps, projectId);
    if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return project.timeZone;
  }
}

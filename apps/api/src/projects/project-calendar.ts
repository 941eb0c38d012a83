import { Inject, Injectable } from '@nestjs/common';
import { CommandDependencies } from '@pathway/application';
import { notFound, TimeZone } from '@pathway/domain';
import { projectTimeZone, ReadModelDb } from '@pathway/read-models';
import { COMMAND_DEPENDENCIES, READ_MODELS } from '@pathway/runtime';

/**
 * The clock and the project's zone for queries: what "today" and "the end of 14 March" mean for a
 * report. The clock is the commands' one (`CommandDependencies.now`), so the API has one notion of now.
 */
@Injectable()
export class ProjectCalendar {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
  ) {}

  now(): Date {
    return this.deps.now();
  }

  /** @throws DomainError `PROJECT.NOT_FOUND` (404) for an unknown project. */
  async zoneOf(projectId: string): Promise<TimeZone> {
    const zone = await projectTimeZone(this.readModels.db, projectId);
    if (zone === null) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return zone;
  }
}

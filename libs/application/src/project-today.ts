import { calendarDateIn, IsoDate, ProjectDetails } from '@pathway/domain';
import { CommandDependencies } from './command-context';
import { loadProject } from './project-commands';

/**
 * "Today" for a decision about a project's participant: the date of the server's clock in the
 * project's time zone, so a milestone dated today in Örebro at 00:30 local time (23:30 UTC the day
 * before) is not "in the future".
 *
 * Without a project (an enrolment in an unknown project, a command on a participant never enrolled)
 * the decider refuses before it looks at dates; the UTC date stands in.
 */
export function todayIn(deps: Pick<CommandDependencies, 'now'>, project: ProjectDetails | null): IsoDate {
  return calendarDateIn(deps.now(), project?.timeZone ?? 'UTC');
}

/** `todayIn` for a project known by id (the participant's), read from its stream. */
export async function todayInProject(deps: Pick<CommandDependencies, 'now' | 'store'>, projectId: string | null): Promise<IsoDate> {
  return todayIn(deps, projectId === null ? null : await loadProject(deps, projectId));
}

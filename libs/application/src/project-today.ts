import { calendarDateIn, IsoDate, ProjectDetails, TimeZone } from '@pathway/domain';
import { EventStore } from '@pathway/event-store';
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
export function todayIn(deps: Pick<CommandDependencies, 'now'>, project: Pick<ProjectDetails, 'timeZone'> | null): IsoDate {
  return calendarDateIn(deps.now(), project?.timeZone ?? 'UTC');
}

/**
 * A registered project's zone never changes (no event changes it), so it is read from the project's
 * stream once per store rather than on every command: that stream also holds every submitted report.
 */
const zonesByStore = new WeakMap<EventStore, Map<string, TimeZone>>();

/** `todayIn` for a project known by id (the participant's). */
export async function todayInProject(deps: Pick<CommandDependencies, 'now' | 'store'>, projectId: string | null): Promise<IsoDate> {
  if (projectId === null) return todayIn(deps, null);
  let zones = zonesByStore.get(deps.store);
  if (!zones) zonesByStore.set(deps.store, (zones = new Map()));
  let timeZone = zones.get(projectId);
  if (timeZone === undefined) {
    const project = await loadProject(deps, projectId);
    if (!project) return todayIn(deps, null);
    timeZone = project.timeZone;
    zones.set(projectId, timeZone);
  }
  return todayIn(deps, { timeZone });
}

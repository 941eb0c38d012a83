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
 * A project's zone is read from the project's stream once per store rather than on every command
 * (that stream also holds every submitted report). It is filled only through an enrolled
 * participant (`todayInProject` is given the project of one), and once a participant is enrolled
 * the zone can no longer change (`PROJECT.TIME_ZONE_FIXED`), so what is kept stays true.
 */
const zonesByStore = new WeakMap<EventStore, Map<string, TimeZone>>();

/** Nor does a participant's project (set by the enrolment, never moved). */
const projectsByStore = new WeakMap<EventStore, Map<string, string>>();

function cacheOf<V>(caches: WeakMap<EventStore, Map<string, V>>, store: EventStore): Map<string, V> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  return cache;
}

/** `todayIn` for a project known by id (the participant's). */
export async function todayInProject(deps: Pick<CommandDependencies, 'now' | 'store'>, projectId: string | null): Promise<IsoDate> {
  if (projectId === null) return todayIn(deps, null);
  const zones = cacheOf(zonesByStore, deps.store);
  let timeZone = zones.get(projectId);
  if (timeZone === undefined) {
    const project = await loadProject(deps, projectId);
    if (!project) return todayIn(deps, null);
    timeZone = project.timeZone;
    zones.set(projectId, timeZone);
  }
  return todayIn(deps, { timeZone });
}

/**
 * The project of an enrolled participant (null for one not enrolled): `fold` reads it from the
 * participant's stream once per store and participant; then it is remembered.
 */
export async function projectOfParticipant(
  deps: Pick<CommandDependencies, 'store'>,
  participantId: string,
  fold: () => Promise<string | null>,
): Promise<string | null> {
  const projects = cacheOf(projectsByStore, deps.store);
  const known = projects.get(participantId);
  if (known !== undefined) return known;
  const projectId = await fold();
  if (projectId !== null) projects.set(participantId, projectId);
  return projectId;
}

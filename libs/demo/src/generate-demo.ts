import {
  CommandDependencies,
  enrolParticipant,
  loadProject,
  nameBasedUuid,
  recordMilestone,
  registerProject,
  retractMilestone,
  StreamStateCache,
} from '@pathway/application';
import { EventStore } from '@pathway/event-store';
import { BatchedDemoStore } from './batched-demo-store';
import { DemoCommand } from './demo-command';
import { demoSources } from './demo-sources';
import { MergeByTime } from './merge-by-time';
import { DEMO_PROJECTS } from './projects/demo-projects';

export const DEFAULT_DEMO_SEED = 1;
/**
 * The demo world as known at the end of October 2026, when the last follow-ups of #framtid
 * are due. Fixed, so a seed gives the same log on any day; never later than the real clock.
 */
export const DEMO_AS_OF = Date.parse('2026-10-31T23:59:59.999Z');
const PROGRESS_EVERY = 1000;
/**
 * Participants whose folded state is kept between their commands. A participant's commands
 * spread over their pathway while others start, so this many are in progress at once only at
 * the largest sizes; one that was dropped is read back and folded again, nothing worse.
 */
const FOLDED_STREAMS = 50_000;

export interface DemoOptions {
  participants: number;
  seed?: number;
  /** Called every thousand commands and after the last one. */
  onProgress?: (done: number, total: number) => void;
  /**
   * True (default): the fast path. Each participant's state stays folded in memory between its
   * commands and appends are written in batches (see BatchedDemoStore). False: every command
   * reads its stream from the store and appends on its own, as a request to the API would.
   * Both run every command through the same application functions and deciders and write the
   * same log (generate-demo.int-spec.ts).
   */
  batchAppends?: boolean;
}

export interface DemoSummary {
  projects: number;
  participants: number;
  events: number;
}

/**
 * Fills a store with the demo projects and participants through the same application
 * functions as the API, so every domain rule is checked. Commands run in the order of their
 * simulated recording instants, which `deps.now` returns: `recordedAt` is when a caseworker
 * would have recorded it, and "not in the future" is judged against that day.
 * Refuses a store that already holds any demo project, rather than adding to it: participant
 * ids would clash, and a half-filled demo would be worse than none.
 */
export async function generateDemo(store: EventStore, options: DemoOptions): Promise<DemoSummary> {
  const { participants, seed = DEFAULT_DEMO_SEED, onProgress, batchAppends = true } = options;
  if (!Number.isInteger(participants) || participants < 0) {
    throw new Error(`participants must be a whole number of 0 or more, not ${participants}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, not ${seed}`);
  await refuseRegisteredProjects(store);

  const sources = demoSources(participants, seed, Math.min(DEMO_AS_OF, Date.now()));
  const merged = new MergeByTime(sources.count, sources.commandsOf);
  const summary: DemoSummary = { projects: 0, participants: 0, events: 0 };
  const batched = batchAppends ? new BatchedDemoStore(store) : null;
  const target = { store: batched ?? store, states: batched ? new StreamStateCache(FOLDED_STREAMS) : undefined };
  let done = 0;
  try {
    for (const { source, index, item } of merged) {
      summary.events += await execute(target, item, `demo/${seed}/${sources.keyOf(source)}`, index);
      if (item.kind === 'register') summary.projects++;
      if (item.kind === 'enrol') summary.participants++;
      done++;
      if (onProgress && (done % PROGRESS_EVERY === 0 || done === merged.total)) onProgress(done, merged.total);
    }
  } finally {
    // Also after a refused command: what was decided before it is written, as the slow path would have.
    await batched?.flush();
  }
  return summary;
}

async function refuseRegisteredProjects(store: EventStore): Promise<void> {
  for (const { details } of DEMO_PROJECTS) {
    if (await loadProject({ store }, details.projectId)) {
      throw new Error(`Demo project ${details.projectId} is already registered: the demo needs a store without its projects`);
    }
  }
}

/**
 * One command through the application layer. Event and correlation ids are name-based on the
 * seed, the stream and the command's index, so the same seed writes byte-identical logs and a
 * retraction can name its target's id. Each of these commands decides exactly one event.
 */
async function execute(
  target: Pick<CommandDependencies, 'store' | 'states'>,
  command: DemoCommand,
  name: string,
  index: number,
): Promise<number> {
  const eventIdOf = (i: number) => nameBasedUuid(`${name}/${i}`);
  const deps: CommandDependencies = { ...target, now: () => new Date(command.at), newId: () => eventIdOf(index) };
  const actorRole = command.kind === 'register' ? 'admin' : 'caseworker';
  const request = { actor: command.actor, actorRole, correlationId: nameBasedUuid(`${name}/${index}/request`) };
  try {
    switch (command.kind) {
      case 'register':
        return (await registerProject(deps, command.project, request)).eventIds.length;
      case 'enrol': {
        const { participantId, projectId, enrolledOn, profile } = command;
        return (await enrolParticipant(deps, { participantId, projectId, enrolledOn, profile }, request)).eventIds.length;
      }
      case 'record':
        return (await recordMilestone(deps, command.participantId, command.milestone, request)).eventIds.length;
      case 'retract': {
        // The reason is not kept (null): free text is sealed with the participant's key, and the demo
        // writes no keys, so a seed still gives a byte-identical log. `command.reason` documents the plan.
        const retraction = { eventId: eventIdOf(command.target), reason: null };
        return (await retractMilestone(deps, command.participantId, retraction, request)).eventIds.length;
      }
    }
  } catch (error) {
    // A refusal here is a bug in the generator: say which command, keep the domain error as cause.
    throw new Error(`Demo command ${name}/${index} (${command.kind}) was refused: ${(error as Error).message}`, { cause: error });
  }
}

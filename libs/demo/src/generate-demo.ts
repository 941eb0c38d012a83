import { availableParallelism } from 'node:os';
import { loadProject } from '@pathway/application';
import { EventStore, StreamAppend } from '@pathway/event-store';
import { appendInOrder, DEMO_APPEND_BATCH } from './append-in-order';
import { DecisionPool, DemoWorld } from './decision-pool';
import { demoSources } from './demo-sources';
import { executeDemoCommand } from './execute-command';
import { MergeByTime, scanSources } from './merge-by-time';
import { Decision } from './participant-desk';
import { DEMO_PROJECTS } from './projects/demo-projects';

export const DEFAULT_DEMO_SEED = 1;
/**
 * The demo world as known at the end of October 2026, when the last follow-ups of #framtid
 * are due. Fixed, so a seed gives the same log on any day; never later than the real clock.
 */
export const DEMO_AS_OF = Date.parse('2026-10-31T23:59:59.999Z');
const PROGRESS_EVERY = 1000;
/** Below this many participants, starting threads (each loads the domain) costs more than it saves. */
const THREADS_FROM_PARTICIPANTS = 2_000;

export interface DemoOptions {
  participants: number;
  seed?: number;
  /** Called every thousand commands and after the last one. */
  onProgress?: (done: number, total: number) => void;
  /**
   * True (default): the fast path. Each participant's commands are decided in one go, off the
   * log (see ParticipantDesk), on `threads` worker threads, and the appends they decided are
   * written in log order in batches (one transaction each where the store has `appendBatch`).
   * False: every command reads its stream from the store and appends on its own, in log order,
   * as a request to the API would. Both run every command through the same application functions
   * and deciders and write the same log (generate-demo.int-spec.ts).
   */
  batchAppends?: boolean;
  /**
   * Threads deciding participants' commands beside this one, which merges and writes (fast path
   * only). Default: one per core beyond the first, none below 2,000 participants. 0: decided in
   * this thread. The log does not depend on it.
   */
  threads?: number;
}

export interface DemoSummary {
  projects: number;
  participants: number;
  events: number;
}

/**
 * Fills a store with the demo projects and participants through the same application
 * functions as the API, so every domain rule is checked. Commands are recorded in the order of
 * their simulated recording instants, which `deps.now` returns: `recordedAt` is when a
 * caseworker would have recorded it, and "not in the future" is judged against that day.
 * Refuses a store that already holds any demo project, rather than adding to it: participant
 * ids would clash, and a half-filled demo would be worse than none. A refused command (a bug in
 * the generator) rejects, naming it, after what comes before it in the log is written.
 */
export async function generateDemo(store: EventStore, options: DemoOptions): Promise<DemoSummary> {
  const { participants, seed = DEFAULT_DEMO_SEED, onProgress, batchAppends = true } = options;
  if (!Number.isInteger(participants) || participants < 0) {
    throw new Error(`participants must be a whole number of 0 or more, not ${participants}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, not ${seed}`);
  const threads = options.threads ?? (participants < THREADS_FROM_PARTICIPANTS ? 0 : Math.max(0, availableParallelism() - 1));
  if (!Number.isInteger(threads) || threads < 0) throw new Error(`threads must be a whole number of 0 or more, not ${threads}`);
  await refuseRegisteredProjects(store);

  const world: DemoWorld = { participants, seed, horizon: Math.min(DEMO_AS_OF, Date.now()) };
  const progress = new Progress(onProgress);
  if (batchAppends) await decidedAhead(store, world, threads, progress);
  else await commandByCommand(store, world, progress);
  return progress.summary;
}

/** The slow path: each command in log order against the store itself. */
async function commandByCommand(store: EventStore, { participants, seed, horizon }: DemoWorld, progress: Progress): Promise<void> {
  const sources = demoSources(participants, seed, horizon);
  const merged = new MergeByTime(scanSources(0, sources.count, sources.commandsOf), sources.commandsOf);
  progress.total = merged.total;
  for await (const { source, index, item } of merged) {
    const events = await executeDemoCommand({ store }, item, `demo/${seed}/${sources.keyOf(source)}`, index);
    progress.done(item.kind, events);
  }
}

/**
 * The fast path: participants decided ahead (DecisionPool), their appends merged into log order
 * and written `DEMO_APPEND_BATCH` events at a time. The log's store checks every expected
 * version again; an enrolment must find its project's registration written before it, as the
 * decider on the slow path would.
 */
async function decidedAhead(store: EventStore, world: DemoWorld, threads: number, progress: Progress): Promise<void> {
  const pool = await DecisionPool.start(world, threads);
  let held: StreamAppend[] = [];
  let heldEvents = 0;
  const flush = async () => {
    const appends = held;
    held = [];
    heldEvents = 0;
    if (appends.length > 0) await appendInOrder(store, appends);
  };
  try {
    const merged = new MergeByTime(await pool.scan(), (source) => pool.listOf(source));
    pool.askInOrder(merged.order);
    progress.total = merged.total;
    const registered = new Set<string>();
    for await (const { source, index, item } of merged) {
      const decision = JSON.parse(item.decision) as Decision;
      if ('refused' in decision) throw new Error(decision.refused);
      if (decision.kind === 'register') registered.add(decision.projectId!);
      if (decision.kind === 'enrol' && !registered.has(decision.projectId!)) {
        const command = `Demo command demo/${world.seed}/${pool.keyOf(source)}/${index} (enrol)`;
        throw new Error(`${command} was refused: project ${decision.projectId} is not registered before it`);
      }
      held.push(decision.append);
      heldEvents += decision.append.events.length;
      progress.done(decision.kind, decision.append.events.length);
      if (heldEvents >= DEMO_APPEND_BATCH) await flush();
    }
  } finally {
    // Also after a refused command: what comes before it in the log is written, as the slow path would have.
    try {
      await flush();
    } finally {
      await pool.close();
    }
  }
}

/** Counts what is recorded and tells `onProgress` every thousand commands and after the last. */
class Progress {
  readonly summary: DemoSummary = { projects: 0, participants: 0, events: 0 };
  total = 0;
  private commands = 0;

  constructor(private readonly onProgress?: (done: number, total: number) => void) {}

  done(kind: string, events: number): void {
    this.summary.events += events;
    if (kind === 'register') this.summary.projects++;
    if (kind === 'enrol') this.summary.participants++;
    this.commands++;
    if (this.onProgress && (this.commands % PROGRESS_EVERY === 0 || this.commands === this.total)) this.onProgress(this.commands, this.total);
  }
}

async function refuseRegisteredProjects(store: EventStore): Promise<void> {
  for (const { details } of DEMO_PROJECTS) {
    if (await loadProject({ store }, details.projectId)) {
      throw new Error(`Demo project ${details.projectId} is already registered: the demo needs a store without its projects`);
    }
  }
}

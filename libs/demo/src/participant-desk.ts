import { StreamStateCache } from '@pathway/application';
import { StreamAppend } from '@pathway/event-store';
import { DecidingStore } from './deciding-store';
import { DemoCommand } from './demo-command';
import { DemoSources } from './demo-sources';
import { executeDemoCommand } from './execute-command';
import { DEMO_PROJECTS } from './projects/demo-projects';

/**
 * What a command decided off the log: the append, or the refusal that ended its source's list.
 * `projectId` is the project registered (register) or enrolled in (enrol), so the writer can
 * check the registration is in the log first.
 */
export type Decision = { kind: DemoCommand['kind']; projectId: string | null } & ({ append: StreamAppend } | { refused: string });

/**
 * A decided command as held until its turn in the log: its recording instant and its Decision
 * as JSON. A participant's decisions wait from its first command to its last (years of simulated
 * time, while a quarter of the others start), and as objects they took five times the memory.
 * JSON is what the store writes anyway: parsed and stringified again, the same bytes.
 */
export interface Decided {
  at: number;
  decision: string;
}

/** Streams folded at once on a desk: the projects' and the one participant's being decided. */
const FOLDED_STREAMS = 16;

/**
 * Decides demo sources' commands through the application layer (`executeDemoCommand`: the same
 * functions and deciders as the API), each participant's from enrolment to last command in
 * one go, against a DecidingStore holding the registered demo projects and that participant's
 * stream. A participant's events depend only on its own stream, its project and its commands'
 * instants, so they are the ones deciding in log order gives (generate-demo.int-spec.ts
 * compares the two logs); the writer merges them into log order.
 */
export class ParticipantDesk {
  private constructor(
    private readonly sources: DemoSources,
    private readonly seed: number,
    /** Each project source's decided registration (none when it falls beyond the horizon). */
    private readonly registrations: Decided[][],
    private readonly projectStreams: DecidingStore,
  ) {}

  /** Registers the demo projects on the desk, as their sources' commands do. */
  static async open(sources: DemoSources, seed: number): Promise<ParticipantDesk> {
    const store = new DecidingStore();
    const desk = new ParticipantDesk(sources, seed, [], store);
    for (let source = 0; source < DEMO_PROJECTS.length; source++) {
      desk.registrations.push(await desk.decideSource({ store, states: new StreamStateCache(FOLDED_STREAMS) }, source));
    }
    return desk;
  }

  /** Each source's decided commands, in the order asked; a list ends at a refused command. */
  async decide(sources: readonly number[]): Promise<Decided[][]> {
    // A store per call: the application's per-store caches (zones, participants' projects) then last one call.
    const store = new DecidingStore(this.projectStreams.snapshot());
    const target = { store, states: new StreamStateCache(FOLDED_STREAMS) };
    const decided: Decided[][] = [];
    for (const source of sources) {
      if (source < DEMO_PROJECTS.length) {
        decided.push(this.registrations[source]!);
        continue;
      }
      decided.push(await this.decideSource(target, source));
    }
    return decided;
  }

  private async decideSource(target: { store: DecidingStore; states: StreamStateCache }, source: number): Promise<Decided[]> {
    const name = `demo/${this.seed}/${this.sources.keyOf(source)}`;
    const decided: Decided[] = [];
    const streams = new Set<string>();
    for (const [index, command] of this.sources.commandsOf(source).entries()) {
      const { at, kind } = command;
      const projectId = kind === 'register' ? command.project.projectId : kind === 'enrol' ? command.projectId : null;
      try {
        await executeDemoCommand(target, command, name, index);
      } catch (error) {
        decided.push({ at, decision: JSON.stringify({ kind, projectId, refused: (error as Error).message } satisfies Decision) });
        break;
      }
      // Each demo command decides one append.
      for (const append of target.store.take()) {
        decided.push({ at, decision: JSON.stringify({ kind, projectId, append } satisfies Decision) });
        streams.add(append.streamId);
      }
    }
    if (source >= DEMO_PROJECTS.length) {
      for (const streamId of streams) {
        target.store.drop(streamId);
        target.states.forget(streamId);
      }
    }
    return decided;
  }
}

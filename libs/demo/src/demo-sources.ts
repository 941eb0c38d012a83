import { DemoCommand } from './demo-command';
import { participantCommands } from './participant-commands';
import { DEMO_PROJECTS } from './projects/demo-projects';
import { mixSeed, Random } from './random';

/**
 * Everything the demo records, as numbered sources of time-ordered commands: first one per
 * project (its registration), then one per participant. A participant's commands depend only
 * on the seed, its project and its number, so any source can be made again on demand.
 */
export interface DemoSources {
  count: number;
  commandsOf(source: number): DemoCommand[];
  /** A stable name for the source: the stream's owner, used to name event ids. */
  keyOf(source: number): string;
}

export function demoSources(participants: number, seed: number, horizon: number): DemoSources {
  const projects = DEMO_PROJECTS.length;
  const shares = apportion(participants, DEMO_PROJECTS.map((p) => p.details.plannedParticipants));
  const firstOf = shares.map((_, i) => shares.slice(0, i).reduce((sum, n) => sum + n, 0));
  // Which project a participant source belongs to, and its number there (1, 2, ...).
  const locate = (source: number) => {
    const ordinal = source - projects;
    let project = projects - 1;
    while (ordinal < firstOf[project]!) project--;
    return { project, n: ordinal - firstOf[project]! + 1 };
  };
  const participantIdOf = (project: number, n: number) => `${DEMO_PROJECTS[project]!.details.projectId}-p${n}`;

  return {
    count: projects + participants,
    keyOf: (source) => {
      if (source < projects) return `project-${DEMO_PROJECTS[source]!.details.projectId}`;
      const { project, n } = locate(source);
      return participantIdOf(project, n);
    },
    commandsOf: (source) => {
      if (source < projects) {
        const { details, registeredOn } = DEMO_PROJECTS[source]!;
        const at = Date.parse(`${registeredOn}T08:30:00Z`);
        return at > horizon ? [] : [{ kind: 'register', at, actor: 'admin-1', project: details }];
      }
      const { project, n } = locate(source);
      const random = new Random(mixSeed(seed, project, n));
      return participantCommands(random, DEMO_PROJECTS[project]!, participantIdOf(project, n), horizon);
    },
  };
}

/** Splits a total in proportion to weights, by largest remainder, so the parts add up exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[byRemainder[k]!.i]!++;
  return parts;
}

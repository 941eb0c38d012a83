import { DemoCommand } from './demo-command';
import { planParticipant } from './plan-participant';
import { PlannedStep } from './planned-step';
import { DemoProject } from './projects/demo-project';
import { Random } from './random';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A participant's commands with simulated recording instants, none after `horizon`.
 * Instants never go back within a participant: a caseworker who records one milestone late
 * records what followed it in the same sitting, so the rules always see a valid order.
 */
export function participantCommands(random: Random, project: DemoProject, participantId: string, horizon: number): DemoCommand[] {
  const steps = planParticipant(random, project);
  const [first, count] = project.cohort.caseworkers;
  const caseworker = first + random.int(0, count - 1);
  const indexOf = new Map<PlannedStep, number>();
  const commands: DemoCommand[] = [];
  let previous = 0;
  for (const step of steps) {
    const at = Math.max(naturalInstant(random, step), previous + random.int(1, 6) * MINUTE + random.int(0, 59_999));
    // Instants only grow, so what lies beyond the horizon is a tail: cutting it keeps the rest valid.
    if (at > horizon) break;
    previous = at;
    // Now and then a colleague covers, as in any office.
    const actor = `caseworker-${random.chance(0.08) ? first + random.int(0, count - 1) : caseworker}`;
    indexOf.set(step, commands.length);
    commands.push(toCommand(step, at, actor, participantId, project.details.projectId, indexOf));
  }
  return commands;
}

function toCommand(
  step: PlannedStep,
  at: number,
  actor: string,
  participantId: string,
  projectId: string,
  indexOf: Map<PlannedStep, number>,
): DemoCommand {
  switch (step.kind) {
    case 'enrol':
      return { kind: 'enrol', at, actor, participantId, projectId, enrolledOn: step.enrolledOn, profile: step.profile };
    case 'record':
      return { kind: 'record', at, actor, participantId, milestone: step.milestone };
    case 'retract':
      return { kind: 'retract', at, actor, participantId, target: indexOf.get(step.target)!, reason: step.reason };
  }
}

/**
 * When a caseworker would record a step: mostly the same or next working days, some weeks
 * late (the "as known on" reports must cope with those), always in office hours on a weekday.
 */
function naturalInstant(random: Random, step: PlannedStep): number {
  const delay: readonly [number, number] =
    step.kind === 'retract'
      ? [0, 0]
      : random.weighted<[number, number]>(
          step.kind === 'enrol'
            ? [[[0, 0], 80], [[1, 3], 17], [[14, 35], 3]]
            : [[[0, 0], 52], [[1, 3], 31], [[4, 7], 12], [[14, 56], 5]],
        );
  const days = random.int(delay[0], delay[1]);
  let day = Date.parse(`${step.on}T00:00:00Z`) + days * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day += 2 * DAY;
  if (weekday === 0) day += DAY;
  // 07:00-15:59 UTC: office hours in Swedish time, and the UTC date is the recording date.
  return day + 7 * 60 * MINUTE + random.int(0, 9 * 60 - 1) * MINUTE + random.int(0, 59_999);
}

import { addDays, daysBetween, ExitReason, IsoDate, Situation } from '@pathway/domain';
import { DemoProject } from './projects/demo-project';
import { PlannedStep, record } from './planned-step';
import { Random } from './random';

/** One period in the project, from enrolment or re-entry to exit. */
export interface Stay {
  entry: IsoDate;
  exit: IsoDate;
  reason: ExitReason;
}

/** A few per cent come back after leaving; a participant who moved away does not. */
const RE_ENTRY = 0.04;
/** Some interventions are never closed in the file before the participant leaves. */
const LEFT_OPEN = 0.04;

export function planStays(random: Random, project: DemoProject, enrolledOn: IsoDate): Stay[] {
  const first = planStay(random, project, enrolledOn);
  if (first.reason === 'moved' || !random.chance(RE_ENTRY)) return [first];
  const reEntry = addDays(first.exit, random.int(30, 120));
  if (reEntry > addDays(project.details.endDate, -30)) return [first];
  return [first, planStay(random, project, reEntry)];
}

function planStay(random: Random, { cohort, details }: DemoProject, entry: IsoDate): Stay {
  const reason = random.weighted(cohort.exitReasons);
  const planned = random.int(cohort.stayDays[0], cohort.stayDays[1]);
  // Those who drop out or move leave early, whatever was planned.
  const days = reason === 'completed' ? planned : random.int(7, Math.max(7, Math.floor(planned * 0.6)));
  let exit = addDays(entry, days);
  if (cohort.schoolCalendar && reason === 'completed') exit = termEndOnOrAfter(addDays(entry, cohort.stayDays[0]));
  return { entry, exit: exit < details.endDate ? exit : details.endDate, reason };
}

/** Swedish school terms end in mid-June and just before Christmas. */
export function termEndOnOrAfter(date: IsoDate): IsoDate {
  const year = date.slice(0, 4);
  if (date <= `${year}-06-12`) return `${year}-06-12`;
  if (date <= `${year}-12-19`) return `${year}-12-19`;
  return `${Number(year) + 1}-06-12`;
}

/** Interventions within a stay, each ended by its exit at the latest: the rules need that order. */
export function planInterventions(random: Random, project: DemoProject, stay: Stay, stayNumber: number): PlannedStep[] {
  const { cohort } = project;
  const length = daysBetween(stay.entry, stay.exit);
  const count = random.int(cohort.interventionsPerStay[0], cohort.interventionsPerStay[1]);
  // Numbered in the order they start, as a caseworker's file would number them.
  const starts = Array.from({ length: count }, () => addDays(stay.entry, random.int(0, Math.floor(length / 2)))).sort();
  const steps: PlannedStep[] = [];
  for (const [i, startedOn] of starts.entries()) {
    const interventionId = `iv-${stayNumber}-${i + 1}`;
    const kind = random.weighted(cohort.interventions);
    steps.push(record({ type: 'intervention-started', occurredOn: startedOn, interventionId, kind }));
    if (random.chance(LEFT_OPEN)) continue;
    const left = daysBetween(startedOn, stay.exit);
    const droppedOut = stay.reason === 'dropped-out';
    const endedOn = droppedOut ? stay.exit : addDays(startedOn, random.int(Math.min(left, 14), left));
    const outcome = droppedOut || random.chance(0.12) ? 'discontinued' : 'completed';
    steps.push(record({ type: 'intervention-ended', occurredOn: endedOn, interventionId, outcome }));
  }
  return steps;
}

/** An exit that is followed by a re-entry: the situation then is seldom known to be good. */
export function interimExit(random: Random, stay: Stay): PlannedStep {
  const situation: Situation = random.weighted([['job-searching', 40], ['inactive', 35], ['unknown', 25]]);
  return record({ type: 'exited', occurredOn: stay.exit, reason: stay.reason, situation });
}

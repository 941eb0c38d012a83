import { addDays, daysBetween, IsoDate, Milestone, MilestoneType } from '@pathway/domain';
import { PlannedStep, record } from './planned-step';
import { Random } from './random';

/** A few per cent of participants have a milestone recorded by mistake and retracted. */
const MISTAKE = 0.04;
const RESULTS: ReadonlyArray<MilestoneType> = ['job-placed', 'education-entered', 'job-search-started', 'qualification-gained'];

/**
 * Mistakes a caseworker makes and then corrects by a retraction, as the API allows: a milestone
 * on the wrong participant, one recorded twice, or one with the wrong date recorded again.
 * Only results are mistaken here: retracting them leaves the participant's status as it was,
 * so the rest of the plan stays valid.
 */
export function planMistakes(random: Random, steps: PlannedStep[], enrolledOn: IsoDate, lastDay: IsoDate): PlannedStep[] {
  if (!random.chance(MISTAKE)) return [];
  const results = steps.filter(
    (s): s is Extract<PlannedStep, { kind: 'record' }> => s.kind === 'record' && RESULTS.includes(s.milestone.type),
  );
  const variant =
    results.length === 0 ? 'wrong-participant' : random.pick(['wrong-participant', 'wrong-participant', 'twice', 'wrong-date'] as const);
  if (variant === 'wrong-participant') {
    const on = addDays(enrolledOn, random.int(0, Math.max(0, daysBetween(enrolledOn, lastDay))));
    const milestone: Milestone = random.chance(0.5)
      ? { type: 'job-search-started', occurredOn: on }
      : { type: 'qualification-gained', occurredOn: on, qualification: null, iscedLevel: null };
    const mistaken = record(milestone);
    return [mistaken, retraction(random, mistaken, 'recorded on the wrong participant')];
  }
  const original = random.pick(results);
  if (variant === 'twice') {
    const duplicate = record(original.milestone, addDays(original.on, random.int(0, 3)));
    return [duplicate, retraction(random, duplicate, 'recorded twice')];
  }
  // The wrong date is typed first; once noticed it is retracted and the right one recorded.
  const wrongOn = maxDate(enrolledOn, addDays(original.milestone.occurredOn, -random.int(1, 30)));
  const wrong = record({ ...original.milestone, occurredOn: wrongOn }, original.on);
  const fix = retraction(random, wrong, 'wrong date; recorded again with the right one');
  original.on = fix.on;
  return [wrong, fix];
}

function retraction(random: Random, target: PlannedStep, reason: string): PlannedStep {
  return { kind: 'retract', on: addDays(target.on, random.int(1, 20)), target, reason };
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

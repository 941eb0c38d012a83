import { addDays, addMonths, EntryProfile, fullYearsBetween, IsoDate, Milestone, Situation } from '@pathway/domain';
import { Cohort, DemoProject, ExitOutcome } from './projects/demo-project';
import { PlannedStep, record } from './planned-step';
import { Stay } from './plan-stays';
import { Random, Weights } from './random';

type Outcome = ExitOutcome | 'unknown';
type Result = { result: Milestone | null; situation: Situation };

/** Those who leave early mostly leave nothing to record; some do find work or studies. */
const EARLY_LEAVERS: Weights<Outcome> = [['inactive', 35], ['job-search', 30], ['unknown', 15], ['job', 12], ['education', 8]];
/** A follow-up is hard to get from someone who dropped out and harder from someone who moved. */
const FOLLOW_UP: Readonly<Record<Stay['reason'], number>> = { completed: 0.9, 'dropped-out': 0.7, moved: 0.3, other: 0.75 };

/**
 * The last exit and what is recorded around it. Results fall mostly within the four weeks
 * after exit that count as "upon leaving", some before the exit, some later, as in real life.
 */
export function planLeaving(random: Random, { cohort }: DemoProject, stay: Stay, profile: EntryProfile): PlannedStep[] {
  const outcome = outcomeOf(random, cohort, stay);
  const { result, situation } = planResult(random, cohort, stay, outcome);
  const steps = [record({ type: 'exited', occurredOn: stay.exit, reason: stay.reason, situation })];
  if (result) steps.push(record(result));
  if (outcome === 'job-search' && random.chance(0.3)) {
    steps.push(record(jobPlaced(random, cohort, addDays(stay.exit, random.int(45, 200)))));
  }
  steps.push(...planCertificates(random, cohort, stay, profile));
  if (random.chance(FOLLOW_UP[stay.reason])) steps.push(record(followUp(random, stay.exit, outcome)));
  return steps;
}

function outcomeOf(random: Random, cohort: Cohort, stay: Stay): Outcome {
  if (stay.reason === 'completed') return random.weighted(cohort.outcomes);
  return stay.reason === 'moved' ? 'unknown' : random.weighted(EARLY_LEAVERS);
}

function planResult(random: Random, cohort: Cohort, stay: Stay, outcome: Outcome): Result {
  switch (outcome) {
    case 'job': {
      // Some are placed before they leave (the placement is why they leave), some well after.
      const offset = random.weighted<[number, number]>([[[-30, 0], 35], [[1, 28], 45], [[29, 90], 20]]);
      const placed = jobPlaced(random, cohort, maxDate(stay.entry, addDays(stay.exit, random.int(offset[0], offset[1]))));
      if (placed.occurredOn > stay.exit) return { result: placed, situation: 'job-searching' };
      return { result: placed, situation: placed.employment === 'self-employed' ? 'self-employed' : 'employed' };
    }
    case 'education': {
      // Pupils leaving in June start their next school in late August: beyond the four weeks.
      const summer = cohort.schoolCalendar && stay.exit.endsWith('-06-12');
      const days = summer ? random.int(66, 72) : random.chance(0.75) ? random.int(0, 28) : random.int(29, 75);
      const programme = random.weighted(cohort.programmes);
      const entered: Milestone = { type: 'education-entered', occurredOn: addDays(stay.exit, days), programme };
      const waiting = cohort.schoolCalendar ? 'inactive' : 'job-searching';
      return { result: entered, situation: days <= 28 ? 'in-education-or-training' : waiting };
    }
    case 'job-search': {
      const days = random.chance(0.8) ? random.int(0, 28) : random.int(29, 60);
      return { result: { type: 'job-search-started', occurredOn: addDays(stay.exit, days) }, situation: 'job-searching' };
    }
    case 'inactive':
    case 'unknown':
      return { result: null, situation: outcome };
  }
}

/** Qualifications from the project's courses, and school completions at the end of the spring term. */
function planCertificates(random: Random, cohort: Cohort, stay: Stay, profile: EntryProfile): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const { chance, names } = cohort.qualifications;
  if (names.length > 0 && random.chance(chance * (stay.reason === 'completed' ? 1 : 0.3))) {
    const [, iscedLevel] = random.pick(names);
    const gainedOn = maxDate(stay.entry, addDays(stay.exit, random.int(-60, 28)));
    // No text: free text is sealed with a participant's key, and the demo's log needs none (see generateDemo).
    steps.push(record({ type: 'qualification-gained', occurredOn: gainedOn, qualification: null, iscedLevel }));
  }
  if (cohort.schoolCalendar && stay.reason === 'completed' && stay.exit.endsWith('-06-12')) {
    const age = profile.birthDate === null ? null : fullYearsBetween(profile.birthDate, stay.exit);
    const level = age !== null && age >= 17 ? 'upper-secondary' : 'compulsory';
    const fullGrades = random.weighted<boolean | null>([[true, 55], [false, 35], [null, 10]]);
    steps.push(record({ type: 'school-completed', occurredOn: stay.exit, level, fullGrades }));
  }
  return steps;
}

export function jobPlaced(random: Random, cohort: Cohort, occurredOn: IsoDate): Extract<Milestone, { type: 'job-placed' }> {
  return {
    type: 'job-placed',
    occurredOn,
    employment: random.chance(cohort.selfEmployed) ? 'self-employed' : 'employee',
    contract: random.weighted(cohort.contracts),
    hoursPerWeek: random.weighted(cohort.hoursPerWeek),
  };
}

/** Six months after the last exit; those placed in work mostly still are. */
function followUp(random: Random, exit: IsoDate, outcome: Outcome): Milestone {
  const situation = random.weighted<Situation>(
    outcome === 'job'
      ? [['employed', 75], ['self-employed', 3], ['job-searching', 15], ['inactive', 7]]
      : outcome === 'education'
        ? [['in-education-or-training', 70], ['employed', 15], ['job-searching', 15]]
        : [['employed', 25], ['job-searching', 40], ['in-education-or-training', 10], ['inactive', 15], ['unknown', 10]],
  );
  const working = situation === 'employed' || situation === 'self-employed';
  const improvedSituation = random.weighted<boolean | null>(
    working ? [[true, 75], [false, 15], [null, 10]] : [[true, 10], [false, 75], [null, 15]],
  );
  const occurredOn = addDays(addMonths(exit, 6), random.int(0, 21));
  return { type: 'follow-up-recorded', occurredOn, monthsAfterExit: 6, situation, improvedSituation };
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

import { addDays, daysBetween, IsoDate } from '@pathway/domain';
import { drawEntryProfile } from './draw-entry-profile';
import { DemoProject } from './projects/demo-project';
import { planLeaving } from './plan-leaving';
import { planMistakes } from './plan-mistakes';
import { interimExit, planInterventions, planStays } from './plan-stays';
import { inRecordingOrder, PlannedStep, record } from './planned-step';
import { Random } from './random';

/**
 * A participant's whole pathway, in the order a caseworker records it: enrolment,
 * interventions, exit with its results, maybe a re-entry and a second stay, the six-month
 * follow-up, and the odd mistake retracted.
 */
export function planParticipant(random: Random, project: DemoProject): PlannedStep[] {
  const enrolledOn = drawEnrolmentDate(random, project);
  const profile = drawEntryProfile(random, project.cohort, enrolledOn);
  const stays = planStays(random, project, enrolledOn);
  const steps: PlannedStep[] = [{ kind: 'enrol', on: enrolledOn, enrolledOn, profile }];
  stays.forEach((stay, i) => {
    if (i > 0) steps.push(record({ type: 're-entered', occurredOn: stay.entry }));
    steps.push(...planInterventions(random, project, stay, i + 1));
    if (i < stays.length - 1) steps.push(interimExit(random, stay));
  });
  const last = stays[stays.length - 1]!;
  steps.push(...planLeaving(random, project, last, profile));
  steps.push(...planMistakes(random, steps, enrolledOn, last.exit));
  return inRecordingOrder(steps);
}

/** Any day the project takes participants; schools do not enrol over the summer holiday. */
function drawEnrolmentDate(random: Random, { details, cohort }: DemoProject): IsoDate {
  const lastDay = addDays(details.endDate, -cohort.enrolmentClosesDaysBeforeEnd);
  const span = daysBetween(details.startDate, lastDay);
  const date = addDays(details.startDate, random.int(0, span));
  const summer = date.slice(5) > '06-12' && date.slice(5) < '08-15';
  return cohort.schoolCalendar && summer ? `${date.slice(0, 4)}-08-${random.int(15, 31)}` : date;
}

import fc from 'fast-check';
import { EDUCATION_LEVELS, EXIT_REASONS, GENDERS, LABOUR_MARKET_STATUSES, SITUATIONS } from '@pathway/domain';
import { CATALOGUE } from './catalogue';
import { isRate } from './catalogue-entry';
import { Cohort, OutcomeCell, POPULATION_READS } from './cohort';
import { OutcomeField, ParticipantOutcome } from './participant-outcome';

const date = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10));
const yesNo = fc.constantFrom(true, false, null);
const outcome: fc.Arbitrary<ParticipantOutcome> = fc.record({
  participantId: fc.constant('p'),
  projectId: fc.constant('P'),
  firstEnrolledOn: date,
  ageAtEntry: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  gender: fc.constantFrom(...GENDERS, null),
  labourMarketStatus: fc.constantFrom(...LABOUR_MARKET_STATUSES),
  inEducationOrTraining: yesNo,
  educationLevel: fc.constantFrom(...EDUCATION_LEVELS, null),
  disability: yesNo,
  thirdCountryNational: yesNo,
  foreignBackground: yesNo,
  minority: yesNo,
  homeless: yesNo,
  ruralArea: yesNo,
  status: fc.constantFrom('active', 'exited', 'withdrawn'),
  lastEntryOn: date,
  lastExitOn: fc.option(date, { nil: null }),
  exitReason: fc.constantFrom(...EXIT_REASONS, null),
  exitSituation: fc.constantFrom(...SITUATIONS, null),
  leavingJobSearching: yesNo,
  leavingInEducation: yesNo,
  leavingEmployed: yesNo,
  leavingQualified: yesNo,
  sixMonthPointOn: fc.option(date, { nil: null }),
  followUpSituation: fc.constantFrom(...SITUATIONS, null),
  followUpImproved: yesNo,
  schoolCompleted: fc.boolean(),
  firstPlacementOn: fc.option(date, { nil: null }),
  daysToFirstPlacement: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
});

/** The outcome, refusing to give any field but `allowed`: a rule reading another would throw. */
const only = (o: ParticipantOutcome, allowed: readonly OutcomeField[]) =>
  new Proxy(o, {
    get(target, field) {
      if (!allowed.includes(field as OutcomeField)) throw new Error(`read ${String(field)}, which it does not declare`);
      return target[field as OutcomeField];
    },
  });

/**
 * A report counted from grouped cells gives each rule only the fields it declares (`reads`) and
 * its population's: a rule reading any other field would be counted wrong there, so none may.
 */
describe('the catalogue declares every field its rules read', () => {
  it.each(CATALOGUE.map((entry) => [entry.code, entry] as const))('%s', (_, entry) => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 12 }), date, (outcomes, to) => {
        if (!isRate(entry)) {
          for (const o of outcomes) entry.counts(only(o, entry.reads));
          return;
        }
        const cells: OutcomeCell[] = outcomes.map((o) => ({ outcome: only(o, [...entry.reads, ...POPULATION_READS[entry.population]]), participants: 2 }));
        const empty: OutcomeCell[] = [];
        const populations = { outputs: empty, results: empty, 'follow-up': empty, 'follow-up-employed-at-entry': empty, [entry.population]: cells };
        const cohort: Cohort = { populations, to, plannedParticipants: 5 };
        entry.measure(cohort);
      }),
    );
  });
});

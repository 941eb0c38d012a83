import { INDICATORS, RATES } from './catalogue';
import { CatalogueEntry, IndicatorDefinition, RateDefinition, RateMeasure } from './catalogue-entry';
import { ByGender, byGenderGroup, Cohort, cohortOf, GENDER_GROUPS, OutcomeCell, ReportPeriod } from './cohort';
import { ParticipantOutcome } from './participant-outcome';

/** Participants counted, by gender (the groups add up to `total`), and those with the data missing. */
export interface IndicatorFigure extends ByGender<number> {
  code: string;
  name: string;
  total: number;
  dataMissing: number;
}

export interface RateFigure {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  /** Unrounded (rounding is for presentation); null when the denominator is 0. */
  value: number | null;
  /** The same rate computed on each gender group alone. */
  byGender: ByGender<number | null>;
  /** Each gender group's numerator and denominator too, so an export can tell which rest on small counts. */
  byGenderMeasures: ByGender<RateMeasure>;
}

export interface IndicatorReport {
  indicators: IndicatorFigure[];
  rates: RateFigure[];
}

/**
 * Every catalogue indicator and rate over one project's participant outcomes, for a period
 * (both ends inclusive; `from: null` means since the project started).
 */
export function computeIndicatorReport(
  outcomes: ParticipantOutcome[],
  period: ReportPeriod,
  plannedParticipants: number,
): IndicatorReport {
  const cells = outcomes.map((outcome) => ({ outcome, participants: 1 }));
  return countIndicatorReport(() => cells, period, plannedParticipants);
}

/**
 * `computeIndicatorReport` over cells instead of single participants: `cellsFor(entry)` gives
 * the cells an entry is counted from, each standing for `participants` participants alike in
 * the fields the entry and its population read (`reads`, `POPULATION_READS`, gender). The same
 * rules count them, so a report counted in the database (one set of cells per set of fields
 * read) equals the report over the rows. Entries given the same array share one cohort.
 */
export function countIndicatorReport(
  cellsFor: (entry: CatalogueEntry) => readonly OutcomeCell[],
  period: ReportPeriod,
  plannedParticipants: number,
): IndicatorReport {
  // Wrong inputs would otherwise give a plausible-looking report of zeros.
  if (period.from !== null && period.from > period.to) {
    throw new RangeError(`The period starts (${period.from}) after it ends (${period.to})`);
  }
  if (!Number.isInteger(plannedParticipants) || plannedParticipants < 0) {
    throw new RangeError(`Planned participants must be a whole number of at least 0, got ${plannedParticipants}`);
  }
  const cohorts = new Map<readonly OutcomeCell[], { cohort: Cohort; groups: ByGender<Cohort> }>();
  const cohortFor = (entry: CatalogueEntry) => {
    const cells = cellsFor(entry);
    let found = cohorts.get(cells);
    if (!found) {
      const cohort = cohortOf(cells, period, plannedParticipants);
      // Split once: with 100,000 participants, looking up each one's gender per indicator costs seconds.
      found = { cohort, groups: byGenderGroup(cohort) };
      cohorts.set(cells, found);
    }
    return found;
  };
  return {
    indicators: INDICATORS.map((indicator) => indicatorFigure(indicator, cohortFor(indicator).groups)),
    rates: RATES.map((rate) => {
      const { cohort, groups } = cohortFor(rate);
      return rateFigure(rate, cohort, groups);
    }),
  };
}

function indicatorFigure({ code, name, population, counts }: IndicatorDefinition, groups: ByGender<Cohort>): IndicatorFigure {
  const figure: IndicatorFigure = { code, name, total: 0, women: 0, men: 0, nonBinary: 0, genderNotDisclosed: 0, dataMissing: 0 };
  for (const group of GENDER_GROUPS) {
    for (const { outcome, participants } of groups[group].populations[population]) {
      const answer = counts(outcome);
      if (answer === null) {
        figure.dataMissing += participants;
      } else if (answer) {
        figure.total += participants;
        figure[group] += participants;
      }
    }
  }
  return figure;
}

function rateFigure({ code, name, measure }: RateDefinition, cohort: Cohort, groups: ByGender<Cohort>): RateFigure {
  const byGenderMeasures = Object.fromEntries(GENDER_GROUPS.map((group) => [group, measure(groups[group])])) as ByGender<RateMeasure>;
  const byGender = Object.fromEntries(GENDER_GROUPS.map((group) => [group, byGenderMeasures[group].value])) as ByGender<number | null>;
  return { code, name, ...measure(cohort), byGender, byGenderMeasures };
}

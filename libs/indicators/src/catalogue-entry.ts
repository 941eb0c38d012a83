import { Cohort, participantsIn, Population } from './cohort';
import { OutcomeField, ParticipantOutcome } from './participant-outcome';

/** A count of participants: an ESF+ common output or result indicator. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  kind: 'output' | 'result';
  /** What a funder reads: who counts, and when a participant is reported as data missing. */
  definition: string;
  population: Population;
  /**
   * Every outcome field `counts` reads, no other: a report counted from grouped cells
   * (`countIndicatorReport`) gives the rule only these (besides its population's and gender).
   */
  reads: readonly OutcomeField[];
  /** true: counts; false: does not; null: the data needed to tell are missing for this participant. */
  counts(o: ParticipantOutcome): boolean | null;
}

export interface RateMeasure {
  numerator: number;
  denominator: number;
  /** Unrounded; null when the denominator is 0 (nothing to measure, not a 0 % rate). */
  value: number | null;
}

/** A project rate: a numerator and a denominator over a cohort (or a gender group of it). */
export interface RateDefinition {
  code: string;
  name: string;
  kind: 'rate';
  definition: string;
  /** The population `measure` takes its participants from. */
  population: Population;
  /** Every outcome field `measure` reads of them, no other (as `IndicatorDefinition.reads`). */
  reads: readonly OutcomeField[];
  /** Over cells: each stands for `participants` participants alike in what the rate reads. */
  measure(cohort: Cohort): RateMeasure;
}

export type CatalogueEntry = IndicatorDefinition | RateDefinition;

export function isRate(entry: CatalogueEntry): entry is RateDefinition {
  return entry.kind === 'rate';
}

export function isIndicator(entry: CatalogueEntry): entry is IndicatorDefinition {
  return entry.kind !== 'rate';
}

export function ratio(numerator: number, denominator: number): RateMeasure {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The share of a population (optionally narrowed first) for whom `inNumerator` holds: a rate's population and measure. */
export function share(
  population: Population,
  inNumerator: (o: ParticipantOutcome) => boolean,
  inDenominator: (o: ParticipantOutcome) => boolean = () => true,
): Pick<RateDefinition, 'population' | 'measure'> {
  return {
    population,
    measure: (cohort) => {
      const denominator = cohort.populations[population].filter((c) => inDenominator(c.outcome));
      return ratio(participantsIn(denominator.filter((c) => inNumerator(c.outcome))), participantsIn(denominator));
    },
  };
}

/** The middle value; for an even count the mean of the two middle values; null for none. */
export function median(values: number[]): number | null {
  return weightedMedian(values.map((value) => ({ value, participants: 1 })));
}

/** `median` of values each held by `participants` participants (the cells of a grouped count). */
export function weightedMedian(values: Array<{ value: number; participants: number }>): number | null {
  const sorted = values.filter((v) => v.participants > 0).sort((a, b) => a.value - b.value);
  const count = participantsIn(sorted);
  if (count === 0) return null;
  // The k-th value (0-based) in the sorted multiset.
  const nth = (k: number) => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.participants;
      if (k < seen) return v.value;
    }
    throw new RangeError(`No value at ${k} of ${count}`);
  };
  const middle = Math.floor(count / 2);
  return count % 2 === 1 ? nth(middle) : (nth(middle - 1) + nth(middle)) / 2;
}

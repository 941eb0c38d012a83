import { Cohort, Population } from './cohort';
import { ParticipantOutcome } from './participant-outcome';

/** A count of participants: an ESF+ common output or result indicator. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  kind: 'output' | 'result';
  /** What a funder reads: who counts, and when a participant is reported as data missing. */
  definition: string;
  population: Population;
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

/** The share of a population (optionally narrowed first) for whom `inNumerator` holds. */
export function share(
  population: Population,
  inNumerator: (o: ParticipantOutcome) => boolean,
  inDenominator: (o: ParticipantOutcome) => boolean = () => true,
): (cohort: Cohort) => RateMeasure {
  return (cohort) => {
    const denominator = cohort.populations[population].filter(inDenominator);
    return ratio(denominator.filter(inNumerator).length, denominator.length);
  };
}

/** The middle value; for an even count the mean of the two middle values; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

import { GenderGroup } from '@pathway/indicators';

/**
 * The one mark for every hidden cell, whether it was small itself or hidden so a small one cannot be
 * worked out from the total. A `<5` mark would be false on the second kind (a hidden 17 is not "<5"),
 * and two different marks would tell a reader which cell is the small one, which can give it away.
 */
export const SUPPRESSED = 'suppressed';
export type Suppressed = typeof SUPPRESSED;

/** A published count or rate: the number, or the mark when it is withheld. */
export type Published = number | Suppressed;

export const INDICATOR_BREAKDOWNS = ['women', 'men', 'non-binary', 'not-disclosed', 'data-missing', 'total'] as const;
export type IndicatorBreakdown = (typeof INDICATOR_BREAKDOWNS)[number];

export const RATE_BREAKDOWNS = ['total', 'women', 'men', 'non-binary', 'not-disclosed'] as const;
export type RateBreakdown = (typeof RATE_BREAKDOWNS)[number];

/** The report's gender groups under the names funders read, in the order rows and cells use. */
export const GENDER_BREAKDOWNS: ReadonlyArray<readonly [GenderGroup, IndicatorBreakdown & RateBreakdown]> = [
  ['women', 'women'],
  ['men', 'men'],
  ['nonBinary', 'non-binary'],
  ['genderNotDisclosed', 'not-disclosed'],
];

/** A count of participants in one breakdown; rate columns stay empty so every row has every column. */
export interface IndicatorRow {
  code: string;
  name: string;
  kind: 'output' | 'result';
  breakdown: IndicatorBreakdown;
  value: Published;
  numerator: null;
  denominator: null;
}

/**
 * A rate in one breakdown, with its numerator and denominator. `value` is rounded to 4 decimals; null
 * when the denominator is 0 (no one to measure).
 */
export interface RateRow {
  code: string;
  name: string;
  kind: 'rate';
  breakdown: RateBreakdown;
  value: Published | null;
  numerator: Published;
  denominator: Published;
}

export type ExportRow = IndicatorRow | RateRow;

/** Column order of every serialisation. */
export const COLUMNS = ['code', 'name', 'kind', 'breakdown', 'value', 'numerator', 'denominator'] as const satisfies
  ReadonlyArray<keyof ExportRow>;

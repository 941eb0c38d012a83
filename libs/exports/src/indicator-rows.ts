import { IndicatorFigure } from '@pathway/indicators';
import { indicatorCell } from './export-relations';
import { GENDER_BREAKDOWNS, IndicatorRow, Published, SUPPRESSED } from './export-row';

/**
 * The six rows of one indicator (gender cells, data missing, total), each shown or marked as the
 * export-wide suppression decided (see linked-suppression.ts).
 */
export function indicatorRows(figure: IndicatorFigure, kind: IndicatorRow['kind'], hidden: ReadonlySet<string>): IndicatorRow[] {
  const row = (breakdown: IndicatorRow['breakdown'], count: number): IndicatorRow => ({
    code: figure.code, name: figure.name, kind, breakdown,
    value: hidden.has(indicatorCell(figure.code, breakdown)) ? SUPPRESSED : count as Published,
    numerator: null, denominator: null,
  });
  return [
    ...GENDER_BREAKDOWNS.map(([group, breakdown]) => row(breakdown, figure[group])),
    row('data-missing', figure.dataMissing),
    row('total', figure.total),
  ];
}

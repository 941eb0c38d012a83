import { IndicatorFigure } from '@pathway/indicators';
import { GENDER_BREAKDOWNS, IndicatorRow, Published, SUPPRESSED } from './export-row';
import { isSmall, suppressRow } from './suppress';

/**
 * The six rows of one indicator: the gender cells and the total protected together (they add up),
 * data missing on its own (it is not part of the gender sum, so only its own size matters).
 */
export function indicatorRows(figure: IndicatorFigure, kind: IndicatorRow['kind'], threshold: number): IndicatorRow[] {
  const cells = GENDER_BREAKDOWNS.map(([group]) => figure[group]);
  const withheld = suppressRow(figure.total, cells, threshold);
  const row = (breakdown: IndicatorRow['breakdown'], value: Published): IndicatorRow =>
    ({ code: figure.code, name: figure.name, kind, breakdown, value, numerator: null, denominator: null });
  const shown = (count: number, hidden: boolean): Published => (hidden ? SUPPRESSED : count);

  return [
    ...GENDER_BREAKDOWNS.map(([, breakdown], i) => row(breakdown, shown(cells[i]!, withheld.cells[i]!))),
    row('data-missing', shown(figure.dataMissing, isSmall(figure.dataMissing, threshold))),
    row('total', shown(figure.total, withheld.total)),
  ];
}

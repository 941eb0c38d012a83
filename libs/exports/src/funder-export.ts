import { CATALOGUE, isIndicator } from '@pathway/indicators';
import type { IndicatorReportDocument } from '@pathway/read-models';
import { ExportProject } from './export-input';
import { exportMeta, ExportMeta } from './export-meta';
import { ExportRow, GENDER_BREAKDOWNS, IndicatorRow } from './export-row';
import { countingOf, exportRelations } from './export-relations';
import { indicatorRows } from './indicator-rows';
import { suppressLinked } from './linked-suppression';
import { rateRows } from './rate-rows';
import { lpSolver } from './feasible-intervals';
import { LinkedTable } from './linked-table';
import { checkThreshold, DEFAULT_SUPPRESSION_THRESHOLD, suppressionOn } from './small-count';

export interface FunderExportOptions {
  /** Counts 1..threshold-1 are withheld; 0 or 1 turns suppression off. Default 5. */
  suppressionThreshold?: number;
}

/** One row per indicator x breakdown (6 each) and per rate x breakdown (5 each), in report order. */
export interface FunderExport {
  meta: ExportMeta;
  rows: ExportRow[];
}

/**
 * The rows and metadata of a funder export, small counts suppressed across every relation it
 * publishes (async: the suppression's exact check loads the HiGHS solver once per process).
 * @throws RangeError for a threshold it cannot honour or figures whose gender cells do not add up
 */
export async function buildFunderExport(
  report: IndicatorReportDocument,
  project: ExportProject,
  options: FunderExportOptions = {},
): Promise<FunderExport> {
  const threshold = checkThreshold(options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  // Figures of one project under another's name would be a wrong export that looks right.
  if (report.projectId !== project.projectId) {
    throw new Error(`The report is for project ${report.projectId}, the details for ${project.projectId}`);
  }
  const kinds = report.indicators.map((figure) => kindOf(figure.code));
  checkGenderSums(report);
  // One decision over every relation the export publishes, not row by row (DESIGN.md section 3).
  const hidden = await suppressedCells(exportRelations(report.indicators, report.rates), threshold);
  return {
    meta: exportMeta(report, project, threshold),
    rows: [
      ...report.indicators.flatMap((figure, i) => indicatorRows(figure, kinds[i]!, hidden)),
      ...report.rates.flatMap((rate) => rateRows(rate, hidden)),
    ],
  };
}

/**
 * The same figures always hide the same cells, so a decision is kept for the next export of them
 * (the API exports one report in several formats and periods that often hold the same figures;
 * the exact check costs tens of milliseconds). Keyed by every count and the threshold.
 */
const decided = new Map<string, ReadonlySet<string>>();
const REMEMBERED = 256;

async function suppressedCells(table: LinkedTable, threshold: number): Promise<ReadonlySet<string>> {
  const key = `${threshold}|${JSON.stringify([...table.counts])}`;
  const known = decided.get(key);
  if (known) return known;
  const solver = suppressionOn(threshold) ? await lpSolver() : undefined;
  const hidden = suppressLinked(table, threshold, solver);
  if (decided.size >= REMEMBERED) decided.delete(decided.keys().next().value!);
  decided.set(key, hidden);
  return hidden;
}

/**
 * Gender cells must add up to their totals (the gender sums of indicators and of counting rate parts):
 * suppression relies on it, so anything else is a bug upstream, refused rather than exported.
 */
function checkGenderSums(report: IndicatorReportDocument): void {
  const rows: Array<[string, number, number[]]> = report.indicators.map((f) =>
    [f.code, f.total, GENDER_BREAKDOWNS.map(([g]) => f[g])]);
  for (const rate of report.rates) {
    const counting = countingOf(rate.code);
    if (counting !== 'median') rows.push([`${rate.code} numerator`, rate.numerator, GENDER_BREAKDOWNS.map(([g]) => rate.byGenderMeasures[g].numerator)]);
    if (counting !== 'against-plan') rows.push([`${rate.code} denominator`, rate.denominator, GENDER_BREAKDOWNS.map(([g]) => rate.byGenderMeasures[g].denominator)]);
  }
  for (const [what, total, cells] of rows) {
    const sum = cells.reduce((s, c) => s + c, 0);
    if (sum !== total) throw new RangeError(`${what}: the cells add up to ${sum}, not to the total ${total}`);
  }
}

/** Output or result, from the catalogue: the report itself does not say. */
function kindOf(code: string): IndicatorRow['kind'] {
  const entry = CATALOGUE.find((e) => e.code === code);
  if (!entry || !isIndicator(entry)) throw new Error(`No indicator ${code} in the catalogue`);
  return entry.kind;
}

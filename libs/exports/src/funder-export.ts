import { CATALOGUE, isIndicator } from '@pathway/indicators';
import type { IndicatorReportDocument } from '@pathway/read-models';
import { ExportProject } from './export-input';
import { exportMeta, ExportMeta } from './export-meta';
import { ExportRow, IndicatorRow } from './export-row';
import { indicatorRows } from './indicator-rows';
import { rateRows } from './rate-rows';
import { checkThreshold, DEFAULT_SUPPRESSION_THRESHOLD } from './suppress';

export interface FunderExportOptions {
  /** Counts 1..threshold-1 are withheld; 0 or 1 turns suppression off. Default 5. */
  suppressionThreshold?: number;
}

/** One row per indicator x breakdown (6 each) and per rate x breakdown (5 each), in report order. */
export interface FunderExport {
  meta: ExportMeta;
  rows: ExportRow[];
}

export function buildFunderExport(
  report: IndicatorReportDocument,
  project: ExportProject,
  options: FunderExportOptions = {},
): FunderExport {
  const threshold = checkThreshold(options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  // Figures of one project under another's name would be a wrong export that looks right.
  if (report.projectId !== project.projectId) {
    throw new Error(`The report is for project ${report.projectId}, the details for ${project.projectId}`);
  }
  return {
    meta: exportMeta(report, project, threshold),
    rows: [
      ...report.indicators.flatMap((figure) => indicatorRows(figure, kindOf(figure.code), threshold)),
      ...report.rates.flatMap((rate) => rateRows(rate, threshold)),
    ],
  };
}

/** Output or result, from the catalogue: the report itself does not say. */
function kindOf(code: string): IndicatorRow['kind'] {
  const entry = CATALOGUE.find((e) => e.code === code);
  if (!entry || !isIndicator(entry)) throw new Error(`No indicator ${code} in the catalogue`);
  return entry.kind;
}

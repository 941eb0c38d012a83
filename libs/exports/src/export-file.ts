import type { IndicatorReportDocument } from '@pathway/read-models';
import { ExportProject } from './export-input';
import { ExportFile, ExportFormat } from './exported-file';
import { buildFunderExport, FunderExportOptions } from './funder-export';
import { toCsv } from './to-csv';
import { toJson } from './to-json';
import { toXlsx } from './to-xlsx';

/**
 * A funder export file. Its content holds no generation time, so its digest names the figures alone;
 * a caller that wants to say when it was made puts that in a header or a wrapper.
 */
export async function exportFile(
  report: IndicatorReportDocument,
  project: ExportProject,
  format: ExportFormat,
  options: FunderExportOptions = {},
): Promise<ExportFile> {
  const data = await buildFunderExport(report, project, options);
  switch (format) {
    case 'csv':
      return toCsv(data);
    case 'csv-semicolon':
      return toCsv(data, 'semicolon');
    case 'json':
      return toJson(data);
    case 'xlsx':
      return toXlsx(data);
    default: {
      const unknown: never = format;
      throw new Error(`Unknown export format ${String(unknown)}`);
    }
  }
}

import { Workbook } from 'exceljs';
import { startOfDayIn } from '@pathway/domain';
import { metaEntries } from './export-meta';
import { COLUMNS } from './export-row';
import { exportedFile, ExportFile, exportFileName } from './exported-file';
import { FunderExport } from './funder-export';
import { neutralised } from './spreadsheet-safe';
import { withZipTimestamps } from './zip-timestamps';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sheet "Indicators" (bold, frozen header row) and sheet "Metadata" (key / value). An XLSX carries
 * times in two places, both set here from the report instead of the clock, so the same report gives
 * the same bytes: the document properties (created, modified; last printed is left out) and the
 * zip entries' stamps (see zip-timestamps.ts).
 */
export async function toXlsx(data: FunderExport): Promise<ExportFile> {
  const stamp = documentDate(data);
  const workbook = new Workbook();
  workbook.creator = 'Pathway';
  workbook.lastModifiedBy = 'Pathway';
  workbook.created = stamp;
  workbook.modified = stamp;

  const indicators = workbook.addWorksheet('Indicators', { views: [{ state: 'frozen', ySplit: 1 }] });
  indicators.columns = COLUMNS.map((key) => ({ header: key, key, width: key === 'name' ? 60 : 16 }));
  indicators.getRow(1).font = { bold: true };
  // Text is stored as text (never a formula), and neutralised as in the CSV, so it stays inert when edited.
  const cell = (value: string | number | null) => (typeof value === 'string' ? neutralised(value) : value);
  for (const row of data.rows) indicators.addRow(COLUMNS.map((column) => cell(row[column])));

  const metadata = workbook.addWorksheet('Metadata');
  metadata.columns = [{ header: 'key', width: 24 }, { header: 'value', width: 100 }];
  metadata.getRow(1).font = { bold: true };
  for (const [key, value] of metaEntries(data.meta)) metadata.addRow([key, cell(value)]);

  const packed = Buffer.from(await workbook.xlsx.writeBuffer());
  return exportedFile(withZipTimestamps(packed, stamp), XLSX, exportFileName(data.meta, 'xlsx'));
}

/**
 * The instant the figures describe: the as-known-on cut-off, or else the period's last day
 * (midnight in the project's zone, so a spreadsheet there shows that day). Never the generation
 * time, which the caller sends beside the file.
 * @throws RangeError when the cut-off or the day is not a real instant or date.
 */
export function documentDate({ meta }: FunderExport): Date {
  if (meta.asKnownOn === null) return startOfDayIn(meta.period.to, meta.timeZone);
  const date = new Date(meta.asKnownOn);
  if (Number.isNaN(date.getTime())) throw new RangeError(`No date in ${meta.asKnownOn}`);
  return date;
}

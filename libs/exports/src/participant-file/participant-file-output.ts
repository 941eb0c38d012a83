import { Workbook } from 'exceljs';
import { Month } from '@pathway/domain';
import { ParticipantFileRow } from './monthly-participant-file';
import { exportedFile, ExportFile } from '../exported-file';
import { neutralised } from '../spreadsheet-safe';
import { csvField } from '../to-csv';
import { withZipTimestamps } from '../zip-timestamps';

/**
 * Why a row has no identity number: `erased` (the person's key is destroyed: it can never be
 * produced again), `not-recorded` (none was given at enrolment), `key-missing` (the key store does
 * not hold the key the log needs: an operator's problem, see docs/operations.md).
 */
export type IdentityGap = 'erased' | 'not-recorded' | 'key-missing';

/** A row with the identity number joined in (or why it cannot be). Personal data: never logged. */
export interface IdentifiedRow extends ParticipantFileRow {
  identityNumber: string | null;
  gap: IdentityGap | null;
}

/** The file's columns, in the order of SCB's participant template: identity number, start, end, then a note of our own. */
export const PARTICIPANT_FILE_COLUMNS = ['Personnummer', 'Startdatum', 'Slutdatum', 'Anmärkning'] as const;

/** The note a row without an identity number carries, in Swedish as the file is read in Sweden. */
const GAP_NOTE: Record<IdentityGap, string> = {
  erased: 'Personuppgifterna är raderade: personnumret kan inte längre tas fram',
  'not-recorded': 'Inget personnummer registrerat',
  'key-missing': 'Personnumret kan inte öppnas (nyckeln saknas): kontakta systemförvaltaren',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ParticipantFileFormat = 'xlsx' | 'csv' | 'csv-semicolon';

const cells = (row: IdentifiedRow): string[] => [row.identityNumber ?? '', row.startDate, row.endDate ?? '', row.gap === null ? '' : GAP_NOTE[row.gap]];

/**
 * A month's participant file, e.g. `deltagare-22-015-S01-2024-01.xlsx`. XLSX: one sheet, every
 * cell text (an identity number must keep its digits as typed, never become a number), the
 * document dated `asKnownOn` so the same facts give the same bytes. CSV: UTF-8 with a BOM, as the
 * funder exports (to-csv.ts), `csv-semicolon` for Swedish Excel.
 */
export async function participantFile(
  { projectId, month, asKnownOn, rows }: { projectId: string; month: Month; asKnownOn: string; rows: readonly IdentifiedRow[] },
  format: ParticipantFileFormat,
): Promise<ExportFile> {
  const name = `deltagare-${projectId}-${month}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (format === 'xlsx') {
    const stamp = new Date(asKnownOn);
    const workbook = new Workbook();
    workbook.creator = 'Pathway';
    workbook.created = stamp;
    workbook.modified = stamp;
    const sheet = workbook.addWorksheet('Deltagare', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = PARTICIPANT_FILE_COLUMNS.map((header) => ({ header, width: header === 'Anmärkning' ? 60 : 16, style: { numFmt: '@' } }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(cells(row).map(neutralised));
    const packed = Buffer.from(await workbook.xlsx.writeBuffer());
    return exportedFile(withZipTimestamps(packed, stamp), XLSX, `${name}.xlsx`);
  }
  const dialect = format === 'csv' ? 'rfc4180' : 'semicolon';
  const separator = dialect === 'rfc4180' ? ',' : ';';
  const lines = [PARTICIPANT_FILE_COLUMNS.map((c) => csvField(c, dialect)), ...rows.map((row) => cells(row).map((c) => csvField(c, dialect)))];
  const text = '\uFEFF' + lines.map((fields) => fields.join(separator) + '\r\n').join('');
  return exportedFile(Buffer.from(text, 'utf8'), 'text/csv; charset=utf-8; header=present', `${name}${format === 'csv' ? '' : '.semicolon'}.csv`);
}

import { Workbook } from 'exceljs';
import { Month } from '@pathway/domain';
import { ParticipantFileRow } from './monthly-participant-file';
import { DEFAULT_PARTICIPANT_FILE_LAYOUT, formatFileDate, ParticipantFileColumn, ParticipantFileLayout } from './participant-file-layout';
import { exportedFile, ExportFile } from '../exported-file';
import { neutralised } from '../spreadsheet-safe';
import { csvField } from '../to-csv';
import { withZipTimestamps } from '../zip-timestamps';

/**
 * Why a row has no identity number: `erased` (the person's key is destroyed: it can never be
 * produced again), `not-recorded` (none was given at enrolment), `key-missing` (the key store does
 * not hold the key the log needs: an operator's problem, see docs/operations.md),
 * `protected-incomplete` (a person with protected identity whose replacement code cannot be made:
 * the entry profile lacks the birth date or a gender the code has a letter for).
 */
export type IdentityGap = 'erased' | 'not-recorded' | 'key-missing' | 'protected-incomplete';

/** A row with the identity number joined in (or why it cannot be). Personal data: never logged. */
export interface IdentifiedRow extends ParticipantFileRow {
  /** The identity number, or for a person with protected identity the replacement code, never both. */
  identityNumber: string | null;
  gap: IdentityGap | null;
}


/** The note a row without an identity number carries, in Swedish as the file is read in Sweden. */
const GAP_NOTE: Record<IdentityGap, string> = {
  erased: 'Personuppgifterna är raderade: personnumret kan inte längre tas fram',
  'not-recorded': 'Inget personnummer registrerat',
  'key-missing': 'Personnumret kan inte öppnas (nyckeln saknas): kontakta systemförvaltaren',
  'protected-incomplete': 'Skyddad identitet: ersättningskoden kan inte bildas (födelsedatum eller kön saknas i inskrivningsuppgifterna)',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ParticipantFileFormat = 'xlsx' | 'csv' | 'csv-semicolon';

/** A row's cell for a column of the layout. */
function cell(column: ParticipantFileColumn, row: IdentifiedRow, file: { projectId: string; month: Month }): string {
  switch (column.field) {
    case 'identityNumber':
      return row.identityNumber ?? '';
    case 'startDate':
      return formatFileDate(row.startDate, column.dateFormat);
    case 'endDate':
      return row.endDate === null ? '' : formatFileDate(row.endDate, column.dateFormat);
    case 'note':
      return row.gap === null ? '' : GAP_NOTE[row.gap];
    case 'projectId':
      return file.projectId;
    case 'month':
      return file.month;
    case 'text':
      return column.value ?? '';
  }
}

/**
 * A month's participant file, e.g. `deltagare-22-015-S01-2024-01.xlsx`, in the configured column
 * layout (default: Personnummer, Startdatum, Slutdatum, Anmärkning). XLSX: one sheet, every
 * cell text (an identity number must keep its digits as typed, never become a number), the
 * document dated `asKnownOn` so the same facts give the same bytes. CSV: UTF-8 with a BOM, as the
 * funder exports (to-csv.ts), `csv-semicolon` for Swedish Excel.
 */
export async function participantFile(
  { projectId, month, asKnownOn, rows }: { projectId: string; month: Month; asKnownOn: string; rows: readonly IdentifiedRow[] },
  format: ParticipantFileFormat,
  layout: ParticipantFileLayout = DEFAULT_PARTICIPANT_FILE_LAYOUT,
): Promise<ExportFile> {
  const headers = layout.columns.map((c) => c.header);
  const cells = (row: IdentifiedRow) => layout.columns.map((c) => cell(c, row, { projectId, month }));
  const name = `deltagare-${projectId}-${month}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (format === 'xlsx') {
    const stamp = new Date(asKnownOn);
    const workbook = new Workbook();
    workbook.creator = 'Pathway';
    workbook.created = stamp;
    workbook.modified = stamp;
    const sheet = workbook.addWorksheet('Deltagare', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = layout.columns.map((c) => ({ header: c.header, width: c.field === 'note' ? 60 : Math.max(16, c.header.length + 2), style: { numFmt: '@' } }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(cells(row).map(neutralised));
    const packed = Buffer.from(await workbook.xlsx.writeBuffer());
    return exportedFile(withZipTimestamps(packed, stamp), XLSX, `${name}.xlsx`);
  }
  const dialect = format === 'csv' ? 'rfc4180' : 'semicolon';
  const separator = dialect === 'rfc4180' ? ',' : ';';
  const lines = [headers.map((c) => csvField(c, dialect)), ...rows.map((row) => cells(row).map((c) => csvField(c, dialect)))];
  const text = '\uFEFF' + lines.map((fields) => fields.join(separator) + '\r\n').join('');
  return exportedFile(Buffer.from(text, 'utf8'), 'text/csv; charset=utf-8; header=present', `${name}${format === 'csv' ? '' : '.semicolon'}.csv`);
}

import { metaEntries } from './export-meta';
import { COLUMNS } from './export-row';
import { exportedFile, ExportFile, exportFileName } from './exported-file';
import { FunderExport } from './funder-export';
import { neutralised } from './spreadsheet-safe';

/**
 * Excel takes a CSV without a byte-order mark for the local code page, so "Örebro" would come out
 * garbled; with one it reads UTF-8. Readers that do not want it (most CSV libraries skip it) can strip it.
 */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * How fields are separated and decimals written:
 * - `rfc4180`: comma and decimal point (RFC 4180; what CSV libraries and English-locale Excel expect);
 * - `semicolon`: semicolon and decimal comma, which Excel in Swedish, Danish (and most continental)
 *   locales splits into columns on opening, since there the comma is the decimal separator.
 */
export type CsvDialect = 'rfc4180' | 'semicolon';
const SEPARATOR: Record<CsvDialect, string> = { rfc4180: ',', semicolon: ';' };

/**
 * CSV in UTF-8 with a BOM, CRLF line ends, after a block of `# key: value` lines with the metadata
 * (read them as comments, e.g. pandas `comment='#'`; a strict RFC 4180 reader sees one-field records).
 * Every field, metadata lines included, is quoted when it holds the separator, a comma, a quote or
 * a line break, and text that would start a formula is neutralised (spreadsheet-safe.ts), so a
 * project named `Framtid,=HYPERLINK(...)` stays one inert cell. Line breaks inside a metadata value
 * become spaces so each entry stays on its own line.
 */
export function toCsv(data: FunderExport, dialect: CsvDialect = 'rfc4180'): ExportFile {
  const separator = SEPARATOR[dialect];
  const field = (value: string | number | null) => csvField(value, dialect);
  const header = metaEntries(data.meta).map(([key, value]) =>
    field(`# ${key}: ${String(value ?? '').replace(/[\r\n]+/g, ' ')}`));
  const rows = data.rows.map((row) => COLUMNS.map((column) => field(row[column])).join(separator));
  const text = BOM + [...header, COLUMNS.map(field).join(separator), ...rows].map((line) => line + CRLF).join('');
  return exportedFile(Buffer.from(text, 'utf8'), 'text/csv; charset=utf-8; header=present',
    exportFileName(data.meta, dialect === 'rfc4180' ? 'csv' : 'csv-semicolon'));
}

/**
 * Empty for null; a number as a number (decimal comma in the semicolon dialect); text neutralised,
 * then quoted with quotes doubled when it holds a separator, a quote or a line break.
 */
export function csvField(value: string | number | null, dialect: CsvDialect = 'rfc4180'): string {
  if (value === null) return '';
  if (typeof value === 'number') return dialect === 'semicolon' ? String(value).replace('.', ',') : String(value);
  const text = neutralised(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

import { metaEntries } from './export-meta';
import { COLUMNS } from './export-row';
import { exportedFile, ExportFile, exportFileName } from './exported-file';
import { FunderExport } from './funder-export';

/**
 * Excel takes a CSV without a byte-order mark for the local code page, so "Örebro" would come out
 * garbled; with one it reads UTF-8. Readers that do not want it (most CSV libraries skip it) can strip it.
 */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * RFC 4180 CSV in UTF-8 with a BOM, CRLF line ends, after a block of `# key: value` lines with the
 * metadata (read them as comments, e.g. pandas `comment='#'`; a strict RFC 4180 reader sees one-field
 * records). Line breaks inside a metadata value become spaces so each entry stays on its own line.
 */
export function toCsv(data: FunderExport): ExportFile {
  const header = metaEntries(data.meta).map(([key, value]) => `# ${key}: ${String(value ?? '').replace(/[\r\n]+/g, ' ')}`);
  const rows = data.rows.map((row) => COLUMNS.map((column) => csvField(row[column])).join(','));
  const text = BOM + [...header, COLUMNS.join(','), ...rows].map((line) => line + CRLF).join('');
  return exportedFile(Buffer.from(text, 'utf8'), 'text/csv; charset=utf-8; header=present', exportFileName(data.meta, 'csv'));
}

/** Empty for null; quoted, with quotes doubled, when the field holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

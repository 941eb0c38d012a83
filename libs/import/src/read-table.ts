import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { checkZip, DEFAULT_ZIP_LIMITS, ZipLimits } from './zip-guard';
import { ImportFileRefused } from './import-problem';

/** A cell as read: text, a number (maybe an Excel date serial), a date Excel formatted as one, a boolean, or empty. */
export type CellValue = string | number | boolean | Date | null;

/** A row of a sheet with its number in the file (1-based, as the spreadsheet shows it). */
export interface TableRow {
  row: number;
  cells: CellValue[];
}

/** One sheet: its non-empty rows in order; `mergedInto` names, per row, the columns (0-based) merged into a cell to their left or above. */
export interface Sheet {
  name: string;
  rows: TableRow[];
  mergedInto: Map<number, Set<number>>;
}

export type FileFormat = 'xlsx' | 'csv';

/** What was read, and how a CSV was decoded (for the report: never the content). */
export interface Table {
  format: FileFormat;
  sheets: Sheet[];
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  separator?: ',' | ';' | '\t';
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format a file is in: its content first (a zip is XLSX), else its name or media type says CSV. */
export function formatOf(file: Buffer): FileFormat {
  return file.length >= 4 && file.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

/**
 * Reads an XLSX or CSV file into sheets of rows. An XLSX passes `checkZip` first (size, entry
 * count, inflated size), then exceljs's `xlsx.load`; a CSV is at most `limits.maxFileBytes`
 * and decoded by `decodeText`. Throws `ImportFileRefused` for what cannot be read.
 */
export async function readTable(file: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Table> {
  checkFile(file, limits);
  return formatOf(file) === 'xlsx' ? readXlsx(file) : readCsv(file);
}

/**
 * The checks of a file short of reading its sheets (a fraction of a second even at the size
 * limit, so an upload is refused before its job starts): IMPORT.EMPTY_FILE for no bytes,
 * IMPORT.FILE_TOO_LARGE, an XLSX's zip (`checkZip`: entries, inflated size, a workbook part),
 * a CSV's content (`checkCsv`). Throws `ImportFileRefused`.
 */
export function checkFile(file: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (file.length === 0) throw new ImportFileRefused('IMPORT.EMPTY_FILE', 'The file is empty');
  if (file.length > limits.maxFileBytes) {
    throw new ImportFileRefused('IMPORT.FILE_TOO_LARGE', 'The file is larger than an import takes', { maxBytes: limits.maxFileBytes });
  }
  if (formatOf(file) === 'xlsx') checkZip(file, limits);
  else checkCsv(file);
}

/**
 * Magic numbers of files sent in place of a spreadsheet: images, PDF, archives, and the old
 * binary Excel (.xls, OLE2), which the import does not read. Their first bytes.
 */
const BINARY_SIGNATURES: readonly Buffer[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .xls, .doc
  [0x50, 0x4b, 0x05, 0x06], // an empty zip
].map((bytes) => Buffer.from(bytes));

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a]);

/**
 * True when the bytes hold a control character text never has: C0 controls other than tab, line
 * feed, vertical tab (FileMaker writes it for a line break in a cell), form feed, carriage return
 * and DOS's end-of-file (0x1A). In UTF-8 and Windows-1252 alike
 * these bytes are only ever those characters (UTF-8's multi-byte sequences are all 0x80 and up).
 */
function hasBinaryControl(file: Buffer): boolean {
  for (const byte of file) if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) return true;
  return false;
}

/**
 * A CSV is text: a known binary signature or a control character text never holds (a NUL,
 * `hasBinaryControl`) is IMPORT.NOT_A_SPREADSHEET; a file of at most one line
 * with content is IMPORT.NO_DATA_ROWS (a header, or a row, alone: nothing to import). Lines are
 * counted without parsing quotes: a header-only file has one line whatever its quoting.
 */
function checkCsv(file: Buffer): void {
  if (BINARY_SIGNATURES.some((signature) => file.subarray(0, signature.length).equals(signature)) || hasBinaryControl(file)) {
    throw new ImportFileRefused('IMPORT.NOT_A_SPREADSHEET', 'The file is neither an XLSX spreadsheet nor a CSV text file');
  }
  const lines = decodeText(file).text.split(/\r\n|\r|\n/).filter((line) => /[^\s,;"]/.test(line));
  if (lines.length < 2) throw new ImportFileRefused('IMPORT.NO_DATA_ROWS', 'The file holds no rows below its header');
}

async function readXlsx(file: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileRefused('IMPORT.NOT_A_SPREADSHEET', 'The file is not an XLSX spreadsheet that can be read');
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: TableRow[] = [];
    const mergedInto = new Map<number, Set<number>>();
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (cell.isMerged && cell.master !== cell) {
          const merged = mergedInto.get(rowNumber) ?? new Set<number>();
          merged.add(column - 1);
          mergedInto.set(rowNumber, merged);
          return;
        }
        cells[column - 1] = cellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: worksheet.name, rows, mergedInto });
  });
  return { format: 'xlsx', sheets };
}

/** exceljs's cell value as plain data: rich text joined, a formula's cached result, a hyperlink's text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return null;
}

/**
 * The text of a CSV: UTF-8 with or without a byte-order mark, else Windows-1252 (what older
 * Excel writes for "CSV" on a Swedish Windows): a file that is not valid UTF-8 is taken as
 * Windows-1252, which every byte sequence is.
 */
export function decodeText(file: Buffer): { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' } {
  if (file.length >= 3 && file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(file.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(file), encoding: 'windows-1252' };
  }
}

/** The separator of a CSV: of `;`, `,` and tab, the most frequent outside quotes on its first line (Swedish Excel writes `;`). */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ',' : best[0];
}

async function readCsv(file: Buffer): Promise<Table> {
  const { text, encoding } = decodeText(file);
  const separator = detectSeparator(text);
  const rows: TableRow[] = [];
  await new Promise<void>((resolve, reject) => {
    let rowNumber = 0;
    parseString<string[], string[]>(text, { delimiter: separator, ignoreEmpty: false, trim: false })
      .on('data', (cells: string[]) => {
        rowNumber++;
        if (cells.every((cell) => cell.trim() === '')) return;
        rows.push({ row: rowNumber, cells: cells.map((cell) => (cell.trim() === '' ? null : cell)) });
      })
      .on('error', () => reject(new ImportFileRefused('IMPORT.MALFORMED_CSV', 'The CSV file cannot be read (an unclosed quote?)')))
      .on('end', () => resolve());
  });
  return { format: 'csv', sheets: [{ name: 'csv', rows, mergedInto: new Map() }], encoding, separator };
}

import { canonicalJson } from '@pathway/application';
import { normaliseIdentityNumber } from '@pathway/privacy';
import { readCell } from './cells';
import { ImportProblem } from './import-problem';
import { columnOfHeader, ParticipantColumn, PARTICIPANT_COLUMNS } from './participant-columns';
import { CellValue, Sheet } from './read-table';
import { checkIdentityNumber } from './swedish-identity-number';

/** An enrolment request as `POST /projects/{id}/participants` takes it, made from one row. */
export interface EnrolmentBody {
  participantId?: string;
  enrolledOn?: string;
  profile: Record<string, string | boolean | null>;
  /** Text, except `protectedIdentity` (a yes/no). */
  personal?: { nationalIdentityNumber?: string } & Record<string, string | boolean>;
}

/** What makes a row the same participant on the next import: its id column, else its identity number. */
export type RowIdentity = { kind: 'participant-id'; value: string } | { kind: 'identity-number'; value: string };

/** A row that read without error (it may still break a DTO or domain rule: see `validateRows`). */
export interface ParsedRow {
  /** The row number in the file. */
  row: number;
  body: EnrolmentBody;
  identity: RowIdentity;
  /** The header as written for each field of the row, for problems found later. */
  headers: Record<string, string>;
}

export interface ParsedSheet {
  /** The rows to check further and import. */
  rows: ParsedRow[];
  /** The row numbers of rows that cannot be imported as read (an error among `problems`), ascending. */
  invalidRows: number[];
  problems: ImportProblem[];
  /** Data rows seen (empty rows not counted). */
  rowsRead: number;
}

/** How far down a sheet its header row is looked for. */
const HEADER_SEARCH_ROWS = 10;

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * Reads the participant sheet: its header is the first of its first ten non-empty rows that names
 * two known columns (rows above it, such as a title, are skipped with a warning,
 * IMPORT.ROWS_ABOVE_HEADER), else its first non-empty row; every later non-empty row is a participant. Headers are matched in Swedish or English (`columnOfHeader`); an unknown column
 * is a warning (IMPORT.UNKNOWN_COLUMN, ignored), a header cell merged into its neighbour a warning
 * (IMPORT.MERGED_HEADER: the merged-over column is ignored), the same field twice or a required
 * column missing an error for the file. Each row gives a problem per unreadable cell, an
 * identity (IMPORT.NO_IDENTITY without an id or identity number), and a row equal to an earlier
 * one is skipped with a warning (IMPORT.DUPLICATE_ROW); the same person (the same participant id,
 * or the same identity number however written) with other values is an error on both rows
 * (IMPORT.DUPLICATE_IDENTITY, `otherRow`). Every row with an error is in `invalidRows`.
 * Problems never carry a cell's content.
 *
 * @param today ISO date: the century of 10-digit Swedish identity numbers
 */
export function parseParticipantSheet(sheet: Sheet, today: string): ParsedSheet {
  const problems: ImportProblem[] = [];
  const nonEmpty = sheet.rows.filter((r) => !r.cells.every(isBlank));
  // A title above the table is common: the header is the first of the first rows naming two known columns.
  const headerAt = Math.max(0, nonEmpty.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.filter((c) => !isBlank(c) && columnOfHeader(String(c)) !== undefined).length >= 2));
  const [header, ...data] = nonEmpty.slice(headerAt);
  if (headerAt > 0) problems.push({ row: header!.row, column: null, code: 'IMPORT.ROWS_ABOVE_HEADER', params: { rows: headerAt }, severity: 'warning' });
  if (!header) {
    problems.push({ row: null, column: null, code: 'IMPORT.EMPTY_FILE', severity: 'error' });
    return { rows: [], invalidRows: [], problems, rowsRead: 0 };
  }
  const columns = mapHeader(header.row, header.cells, sheet.mergedInto.get(header.row), problems);
  if (problems.some((p) => p.severity === 'error')) return { rows: [], invalidRows: [], problems, rowsRead: data.length };

  const read: ParsedRow[] = [];
  const invalid = new Set<number>();
  for (const { row, cells } of data) {
    const parsed = parseRow(row, cells, columns, today, problems);
    if (parsed) read.push(parsed);
    else invalid.add(row);
  }
  const skipped = new Set<number>();
  // One person is one participant id and one identity number: either key seen before makes the row a repeat.
  const firstWith = new Map<string, { row: number; canonical: string }>();
  for (const parsed of read) {
    const keys = identityKeys(parsed, today);
    const canonical = canonicalJson(parsed.body);
    const first = keys.map((key) => firstWith.get(key)).find((seen) => seen !== undefined);
    if (!first) {
      for (const key of keys) firstWith.set(key, { row: parsed.row, canonical });
      continue;
    }
    if (first.canonical === canonical) {
      problems.push({ row: parsed.row, column: null, code: 'IMPORT.DUPLICATE_ROW', params: { firstRow: first.row }, severity: 'warning' });
      skipped.add(parsed.row);
      continue;
    }
    // Neither row can be the right one: both are held back until the file says which.
    if (!invalid.has(first.row)) {
      problems.push({ row: first.row, column: null, code: 'IMPORT.DUPLICATE_IDENTITY', params: { otherRow: parsed.row }, severity: 'error' });
      invalid.add(first.row);
    }
    problems.push({ row: parsed.row, column: null, code: 'IMPORT.DUPLICATE_IDENTITY', params: { otherRow: first.row }, severity: 'error' });
    invalid.add(parsed.row);
  }
  const rows = read.filter((r) => !invalid.has(r.row) && !skipped.has(r.row));
  return { rows, invalidRows: [...invalid].sort((a, b) => a - b), problems, rowsRead: data.length };
}

/** The keys a row's person is known by in the file: its participant id, and its identity number in the one written form the blind index uses. */
function identityKeys(row: ParsedRow, today: string): string[] {
  const number = row.body.personal?.nationalIdentityNumber;
  return [
    ...(row.body.participantId ? [`id:${row.body.participantId}`] : []),
    ...(typeof number === 'string' ? [`nin:${normaliseIdentityNumber(number, today)}`] : []),
  ];
}

function mapHeader(row: number, cells: CellValue[], merged: Set<number> | undefined, problems: ImportProblem[]): Map<number, { column: ParticipantColumn; header: string }> {
  const columns = new Map<number, { column: ParticipantColumn; header: string }>();
  const byField = new Map<string, number>();
  const width = Math.max(cells.length, ...[...(merged ?? [])].map((i) => i + 1));
  for (let i = 0; i < width; i++) {
    if (merged?.has(i)) {
      problems.push({ row, column: columnLetter(i), code: 'IMPORT.MERGED_HEADER', params: { column: columnLetter(i) }, severity: 'warning' });
      continue;
    }
    const cell = cells[i];
    if (isBlank(cell)) continue;
    const header = String(cell instanceof Date ? cell.toISOString() : cell).trim();
    const column = columnOfHeader(header);
    if (!column) {
      problems.push({ row, column: header, code: 'IMPORT.UNKNOWN_COLUMN', params: { header }, severity: 'warning' });
      continue;
    }
    if (byField.has(column.field)) {
      problems.push({ row, column: header, code: 'IMPORT.DUPLICATE_COLUMN', params: { header, field: column.field }, severity: 'error' });
      continue;
    }
    byField.set(column.field, i);
    columns.set(i, { column, header });
  }
  for (const column of PARTICIPANT_COLUMNS.filter((c) => c.required && !byField.has(c.field))) {
    problems.push({ row: null, column: column.en, code: 'IMPORT.MISSING_COLUMN', params: { sv: column.sv, en: column.en }, severity: 'error' });
  }
  if (!byField.has('participantId') && !byField.has('nationalIdentityNumber')) {
    problems.push({ row: null, column: null, code: 'IMPORT.NO_IDENTITY_COLUMN', severity: 'error' });
  }
  return columns;
}

function parseRow(
  row: number,
  cells: CellValue[],
  columns: Map<number, { column: ParticipantColumn; header: string }>,
  today: string,
  problems: ImportProblem[],
): ParsedRow | null {
  const body: EnrolmentBody = { profile: {} };
  const headers: Record<string, string> = {};
  let failed = false;
  let identityGiven = false;
  for (const [index, { column, header }] of columns) {
    headers[column.field] = header;
    if ((column.field === 'participantId' || column.field === 'nationalIdentityNumber') && !isBlank(cells[index])) identityGiven = true;
    const reading = readCell(cells[index] ?? null, column.kind, column.disclosable);
    if (!reading.ok) {
      problems.push({ row, column: header, code: reading.code, ...(reading.params ? { params: reading.params } : {}), severity: 'error' });
      failed = true;
      continue;
    }
    const value = reading.value;
    if (value === null) {
      if (column.required) {
        problems.push({ row, column: header, code: 'IMPORT.REQUIRED', severity: 'error' });
        failed = true;
      } else if (column.path[0] === 'profile') body.profile[column.path[1]!] = null;
      continue;
    }
    if (column.kind === 'identity-number' && checkIdentityNumber(String(value), today) === 'swedish-invalid') {
      problems.push({ row, column: header, code: 'IMPORT.INVALID_IDENTITY_NUMBER', severity: 'error' });
      failed = true;
      continue;
    }
    if (column.path.length === 1) (body as unknown as Record<string, unknown>)[column.path[0]] = value;
    else if (column.path[0] === 'profile') body.profile[column.path[1]] = value;
    else (body.personal ??= {})[column.path[1]] = column.kind === 'yes-no' ? value : String(value);
  }
  const identity: RowIdentity | null = body.participantId
    ? { kind: 'participant-id', value: body.participantId }
    : body.personal?.nationalIdentityNumber
      ? { kind: 'identity-number', value: body.personal.nationalIdentityNumber }
      : null;
  if (!identity) {
    if (identityGiven) return null; // its cell was refused above
    problems.push({ row, column: null, code: 'IMPORT.NO_IDENTITY', severity: 'error' });
    return null;
  }
  return failed ? null : { row, body, identity, headers };
}

/** A 0-based column index as Excel names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

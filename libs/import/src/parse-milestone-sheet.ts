import { canonicalJson } from '@pathway/application';
import { parseDecimal, readCell } from './cells';
import { ImportProblem } from './import-problem';
import { MilestoneColumn, milestoneColumnOfHeader, milestoneTypeOf, MILESTONE_TYPE_WORDS } from './milestone-columns';
import { RowIdentity } from './parse-participant-sheet';
import { CellValue, Sheet } from './read-table';
import { checkIdentityNumber } from './swedish-identity-number';

/** A milestone row that read without error: the body `POST /participants/{id}/milestones` takes, and whose it is. */
export interface ParsedMilestoneRow {
  row: number;
  identity: RowIdentity;
  /** `type` (the API code), `occurredOn` (YYYY-MM-DD) and each non-empty field cell, by the DTO's field name. */
  body: Record<string, string | number | boolean>;
  /** The header as written for each field, for problems found later. */
  headers: Record<string, string>;
}

export interface ParsedMilestoneSheet {
  /** The rows to check further and record. */
  rows: ParsedMilestoneRow[];
  /** The row numbers of rows that cannot be recorded as read (an error among `problems`), ascending. */
  invalidRows: number[];
  problems: ImportProblem[];
  rowsRead: number;
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * Reads the milestone sheet: its first non-empty row is the header (Swedish, English or the
 * DTO's field names, `milestoneColumnOfHeader`; unknown columns IMPORT.UNKNOWN_COLUMN, warning),
 * every later non-empty row one milestone. A row names its participant as the participant sheet
 * does (participant id, else identity number: IMPORT.NO_IDENTITY), its type by code or word
 * (IMPORT.NOT_IN_LIST), its date (IMPORT.INVALID_DATE, IMPORT.REQUIRED). Field cells are only
 * read (yes/no, numbers with a decimal comma); whether they are right is the DTO's rule, checked
 * later. Two rows of one participant, type and date: the same repeated is skipped
 * (IMPORT.DUPLICATE_ROW), with other fields an error (IMPORT.DUPLICATE_IDENTITY). Problems carry
 * the sheet's name and never a cell's content.
 *
 * @param today ISO date: the century of 10-digit Swedish identity numbers
 */
export function parseMilestoneSheet(sheet: Sheet, today: string): ParsedMilestoneSheet {
  const problems: ImportProblem[] = [];
  const at = (p: Omit<ImportProblem, 'sheet'>) => problems.push({ sheet: sheet.name, ...p });
  const [header, ...data] = sheet.rows.filter((r) => !r.cells.every(isBlank));
  if (!header) return { rows: [], invalidRows: [], problems, rowsRead: 0 };
  const columns = new Map<number, { column: MilestoneColumn; header: string }>();
  const seenFields = new Set<string>();
  header.cells.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const column = milestoneColumnOfHeader(text);
    if (!column) at({ row: header.row, column: text, code: 'IMPORT.UNKNOWN_COLUMN', params: { header: text }, severity: 'warning' });
    else if (seenFields.has(column.field)) at({ row: header.row, column: text, code: 'IMPORT.DUPLICATE_COLUMN', params: { header: text, field: column.field }, severity: 'error' });
    else {
      seenFields.add(column.field);
      columns.set(i, { column, header: text });
    }
  });
  for (const field of ['type', 'occurredOn']) {
    if (!seenFields.has(field)) {
      const column = milestoneColumnOfHeader(field)!;
      at({ row: null, column: column.en, code: 'IMPORT.MISSING_COLUMN', params: { sv: column.sv, en: column.en }, severity: 'error' });
    }
  }
  if (!seenFields.has('participantId') && !seenFields.has('nationalIdentityNumber')) at({ row: null, column: null, code: 'IMPORT.NO_IDENTITY_COLUMN', severity: 'error' });
  if (problems.some((p) => p.severity === 'error')) return { rows: [], invalidRows: [], problems, rowsRead: data.length };

  const rows: ParsedMilestoneRow[] = [];
  const invalid = new Set<number>();
  const seen = new Map<string, { row: number; canonical: string }>();
  for (const { row, cells } of data) {
    const body: Record<string, string | number | boolean> = {};
    const headers: Record<string, string> = {};
    let failed = false;
    for (const [index, { column, header: written }] of columns) {
      headers[column.field] = written;
      const cell = cells[index] ?? null;
      if (isBlank(cell)) {
        if (column.required) {
          at({ row, column: written, code: 'IMPORT.REQUIRED', severity: 'error' });
          failed = true;
        }
        continue;
      }
      const value = readMilestoneCell(cell, column);
      if (!value.ok) {
        at({ row, column: written, code: value.code, ...(value.params ? { params: value.params } : {}), severity: 'error' });
        failed = true;
        continue;
      }
      if (column.kind === 'identity-number' && checkIdentityNumber(String(value.value), today) === 'swedish-invalid') {
        at({ row, column: written, code: 'IMPORT.INVALID_IDENTITY_NUMBER', severity: 'error' });
        failed = true;
        continue;
      }
      body[column.field] = value.value;
    }
    const { participantId, nationalIdentityNumber, ...milestone } = body;
    const identity: RowIdentity | null =
      typeof participantId === 'string' ? { kind: 'participant-id', value: participantId } : typeof nationalIdentityNumber === 'string' ? { kind: 'identity-number', value: nationalIdentityNumber } : null;
    if (!identity) {
      if (!failed) at({ row, column: null, code: 'IMPORT.NO_IDENTITY', severity: 'error' });
      invalid.add(row);
      continue;
    }
    if (failed) {
      invalid.add(row);
      continue;
    }
    const slot = `${identity.kind}:${identity.value}/${milestone.type}/${milestone.occurredOn}`;
    const canonical = canonicalJson(milestone);
    const first = seen.get(slot);
    if (first?.canonical === canonical) {
      at({ row, column: null, code: 'IMPORT.DUPLICATE_ROW', params: { firstRow: first.row }, severity: 'warning' });
      continue;
    }
    if (first) {
      // Neither row can be the right one: both are held back until the file says which.
      if (!invalid.has(first.row)) at({ row: first.row, column: null, code: 'IMPORT.DUPLICATE_IDENTITY', params: { otherRow: row }, severity: 'error' });
      at({ row, column: null, code: 'IMPORT.DUPLICATE_IDENTITY', params: { otherRow: first.row }, severity: 'error' });
      invalid.add(first.row).add(row);
      continue;
    }
    seen.set(slot, { row, canonical });
    rows.push({ row, identity, body: milestone, headers });
  }
  return { rows: rows.filter((r) => !invalid.has(r.row)), invalidRows: [...invalid].sort((a, b) => a - b), problems, rowsRead: data.length };
}

type Reading = { ok: true; value: string | number | boolean } | { ok: false; code: string; params?: Record<string, string | number> };

function readMilestoneCell(cell: CellValue, column: MilestoneColumn): Reading {
  if (column.field === 'type') {
    const code = milestoneTypeOf(String(cell));
    return code ? { ok: true, value: code } : { ok: false, code: 'IMPORT.NOT_IN_LIST', params: { allowed: MILESTONE_TYPE_WORDS.map((t) => t.code).join(', ') } };
  }
  if (column.kind === 'number') {
    const number = parseDecimal(cell);
    // Not a number: handed on as text, so the DTO's own rule names what is wrong.
    return { ok: true, value: number ?? String(cell) };
  }
  const reading = readCell(cell, column.kind);
  return reading.ok ? { ok: true, value: reading.value! } : reading;
}

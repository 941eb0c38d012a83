import { CellValue } from './read-table';
import { ColumnKind, NO, NOT_DISCLOSED, YES } from './participant-columns';

/** A cell read for its column: the value the API takes, or a problem's code and params (never the cell's content). */
export type CellReading = { ok: true; value: string | boolean | null } | { ok: false; code: string; params?: Record<string, string | number> };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
/** Excel's day 0 in its 1900 date system; serials from 61 on count from here (Excel's 1900 leap-day bug lies before). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31

/**
 * A date cell as `YYYY-MM-DD`: a date Excel formatted as one (exceljs gives it at UTC midnight),
 * an Excel date serial (a number: days since 1899-12-30 in the 1900 date system, a fraction
 * being the time of day), or text `YYYY-MM-DD` naming a real day (`2024-13-01` is
 * IMPORT.INVALID_DATE). Other text, such as `15/01/2024`, is IMPORT.INVALID_DATE with the
 * expected format: day and month order cannot be told apart.
 */
export function readDate(cell: CellValue): CellReading {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? invalidDate() : { ok: true, value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number') {
    if (!(cell >= 1 && cell <= MAX_EXCEL_SERIAL)) return invalidDate();
    const days = Math.floor(cell);
    const ms = days < 61 ? Date.UTC(1899, 11, 31) + (days - 1) * 86_400_000 : EXCEL_EPOCH_MS + days * 86_400_000;
    return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
  }
  if (typeof cell !== 'string') return invalidDate();
  const match = ISO_DATE.exec(cell.trim());
  if (!match) return invalidDate();
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return invalidDate();
  return { ok: true, value: `${match[1]}-${match[2]}-${match[3]}` };
}

const invalidDate = (): CellReading => ({ ok: false, code: 'IMPORT.INVALID_DATE', params: { expected: 'YYYY-MM-DD' } });

/**
 * A decimal number written with a decimal comma (`7,5`, Swedish) or point, with spaces or
 * non-breaking spaces as thousands separators; null when it is not one.
 */
export function parseDecimal(cell: CellValue): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return null;
  const text = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

const asText = (cell: CellValue): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'number' ? String(cell) : String(cell).trim();

/**
 * A cell read for its column's `kind`. Empty is null (the column left out). With `disclosable`,
 * "not disclosed" (in Swedish or English) is null as well. Closed lists take the API's codes
 * (`long-term-unemployed`), case and spacing aside; yes/no columns take ja/nej, yes/no,
 * true/false, 1/0 and Excel's own booleans.
 */
export function readCell(cell: CellValue, kind: ColumnKind, disclosable = false): CellReading {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  const text = asText(cell).toLowerCase();
  if (disclosable && (NOT_DISCLOSED as readonly string[]).includes(text)) return { ok: true, value: null };
  if (kind === 'date') return readDate(cell);
  if (kind === 'yes-no') {
    if (typeof cell === 'boolean') return { ok: true, value: cell };
    if ((YES as readonly string[]).includes(text)) return { ok: true, value: true };
    if ((NO as readonly string[]).includes(text)) return { ok: true, value: false };
    return { ok: false, code: 'IMPORT.NOT_YES_OR_NO' };
  }
  if (typeof kind === 'object') {
    const code = text.replace(/\s+/g, '-');
    return kind.oneOf.includes(code) ? { ok: true, value: code } : { ok: false, code: 'IMPORT.NOT_IN_LIST', params: { allowed: kind.oneOf.join(', ') } };
  }
  return { ok: true, value: asText(cell) };
}

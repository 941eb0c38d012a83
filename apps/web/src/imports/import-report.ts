import { Problem } from '../api/client';
import type { MessageId } from '../i18n/messages.en';

/** The spreadsheet media type (XLSX). */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Type to send a chosen file with, by its name: the API decides between XLSX and CSV
 * by the content, but takes only spreadsheet types (and `application/octet-stream`), whatever
 * type the browser guessed (Windows calls a CSV `application/vnd.ms-excel`).
 */
export function contentTypeOf(fileName: string): string {
  if (/\.xlsx$/i.test(fileName)) return XLSX;
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  return 'application/octet-stream';
}

/** At most this many problems are listed on the page (a file of 10,000 broken rows would not help anyone as a table). */
export const PROBLEMS_SHOWN = 500;

/** The first `PROBLEMS_SHOWN` problems, in the API's order (by row). */
export function shownProblems<P>(problems: readonly P[]): readonly P[] {
  return problems.length > PROBLEMS_SHOWN ? problems.slice(0, PROBLEMS_SHOWN) : problems;
}

/**
 * A refusal of the whole upload that needs words of its own on this page: the body parser's 413
 * (the file is over the import's limit) and a 415 (a type the import does not take) would
 * otherwise read as a general request error. Null: the problem's own message says it.
 */
export function refusalMessageId(problem: Pick<Problem, 'status' | 'code'>): MessageId | null {
  if (problem.code.startsWith('IMPORT.')) return null;
  if (problem.status === 413) return 'problem.IMPORT.FILE_TOO_LARGE';
  if (problem.status === 415) return 'import.refused.type';
  if (problem.status === 403) return 'import.refused.forbidden';
  if (problem.status === 404) return 'import.refused.notFound';
  return null;
}

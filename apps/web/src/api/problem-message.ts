import type { ProblemCode } from '../../../api/src/http/problem-codes';
import { en, MessageId } from '../i18n/messages.en';

/**
 * A problem code and its params as a sentence of the message catalogue. Pure (no React, no
 * browser), so the API writes the same sentences into an import's problems workbook
 * (apps/api/src/imports/import-problem-texts.ts) as this app shows on screen.
 */

type Values = Record<string, string | number>;
export type FormatDate = (iso: string) => string;
export type Translate = (id: MessageId, values?: Values) => string;

/** Which of a problem's params a message names, and how: `{date}` is the one date the sentence is about. */
const VALUES_OF: Partial<Record<ProblemCode, (params: Values, date: FormatDate) => Values>> = {
  'MILESTONE.BEFORE_ENROLMENT': (p, date) => ({ date: date(String(p.earliest)) }),
  'MILESTONE.BEFORE_ENTRY': (p, date) => ({ date: date(String(p.earliest)) }),
  'MILESTONE.BEFORE_EXIT': (p, date) => ({ date: date(String(p.earliest)) }),
  'INTERVENTION.ENDS_BEFORE_START': (p, date) => ({ date: date(String(p.earliest)) }),
  'MILESTONE.DATE_IN_FUTURE': (p, date) => ({ date: date(String(p.today)) }),
  'ENROLMENT.DATE_IN_FUTURE': (p, date) => ({ date: date(String(p.today)) }),
  'CORRECTION.DATE_IN_FUTURE': (p, date) => ({ date: date(String(p.today)) }),
  // An import's problems name a header as written in the file, or the row a duplicate repeats (never a cell's content).
  'IMPORT.DUPLICATE_COLUMN': (p) => ({ header: String(p.header ?? '') }),
  'IMPORT.UNKNOWN_COLUMN': (p) => ({ header: String(p.header ?? '') }),
  'IMPORT.DUPLICATE_ROW': (p) => ({ firstRow: Number(p.firstRow) }),
  'IMPORT.DUPLICATE_IDENTITY': (p) => ({ otherRow: Number(p.otherRow) }),
  // Headers as written in the file, never the values that differ.
  'IMPORT.ROW_CHANGED': (p) => ({ columns: String(p.columns ?? '') }),
  'IMPORT.NOT_IN_LIST': (p) => ({ allowed: String(p.allowed ?? '') }),
  'PROJECT.PERIOD_EXCLUDES_ENROLMENTS': (p, date) => ({ from: date(String(p.earliest)), to: date(String(p.latest)) }),
  'FOLLOW_UP.OUTSIDE_WINDOW': (p, date) => ({ months: Number(p.monthsAfterExit), date: date(String(p.lastExitOn)), from: date(String(p.from)), to: date(String(p.to)) }),
};

const hasMessage = (id: string): id is MessageId => Object.hasOwn(en, id);

/** The message for one problem code, or the general one for a code this app does not know (a newer API). */
export function problemMessage(problem: { code: string; params?: Values }, t: Translate, date: FormatDate): string {
  const id = `problem.${problem.code}`;
  if (!hasMessage(id)) return t('problem.other');
  const values = VALUES_OF[problem.code as ProblemCode]?.(problem.params ?? {}, date);
  return t(id, values);
}

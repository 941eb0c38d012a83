import type { ProblemCode } from '../../../api/src/http/problem-codes';
import { en, MessageId } from '../i18n/messages.en';
import { Problem } from './client';

/**
 * The API's problems (RFC 9457, with a stable `code`, `params` and field `errors`) as messages in
 * the user's language, placed next to the field they are about. Every form uses this module, so a
 * code reads the same everywhere; problems.spec.ts checks that every code in the API's catalogue
 * (apps/api/src/http/problem-codes.ts) has a message in both languages.
 */

/** The form field (the request body's name for it) each rule refusal is about; the rest concern the whole form. */
const FIELD_OF: Partial<Record<ProblemCode, string>> = {
  'MILESTONE.BEFORE_ENROLMENT': 'occurredOn',
  'MILESTONE.BEFORE_ENTRY': 'occurredOn',
  'MILESTONE.BEFORE_EXIT': 'occurredOn',
  'MILESTONE.DATE_IN_FUTURE': 'occurredOn',
  'FOLLOW_UP.OUTSIDE_WINDOW': 'occurredOn',
  'INTERVENTION.ENDS_BEFORE_START': 'occurredOn',
  'INTERVENTION.NOT_STARTED': 'interventionId',
  'INTERVENTION.ALREADY_ENDED': 'interventionId',
  'INTERVENTION.ALREADY_STARTED': 'interventionId',
  'RETRACTION.REASON_REQUIRED': 'reason',
  'ERASURE.REASON_REQUIRED': 'reason',
  'PARTICIPANT.BORN_AFTER_ENROLMENT': 'profile.birthDate',
  'PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE': 'profile.birthDate',
  'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD': 'enrolledOn',
  'USER.EMAIL_TAKEN': 'email',
  'PROJECT.ALREADY_REGISTERED': 'id',
  'PROJECT.INVALID_PERIOD': 'endDate',
  'PROJECT.INVALID_PLANNED_PARTICIPANTS': 'plannedParticipants',
  'PROJECT.INVALID_TIME_ZONE': 'timeZone',
  'CORRECTION.ENROLMENT_AFTER_FIRST_MILESTONE': 'enrolledOn',
  'CORRECTION.REASON_REQUIRED': 'reason',
  'WITHDRAWAL.REASON_REQUIRED': 'reason',
  'WITHDRAWAL.DUPLICATE_NOT_FOUND': 'duplicateOf',
  'WITHDRAWAL.DUPLICATE_OF_REQUIRED': 'duplicateOf',
  'WITHDRAWAL.DUPLICATE_OF_SELF': 'duplicateOf',
  'WITHDRAWAL.DUPLICATE_WITHDRAWN': 'duplicateOf',
  'PROJECT.RETENTION_BEFORE_PROJECT_END': 'retentionEnd',
  'PROJECT.RETENTION_BASIS_REQUIRED': 'basis',
  'PROJECT.CHANGE_REASON_REQUIRED': 'reason',
  'PROJECT.TIME_ZONE_FIXED': 'timeZone',
};

type Values = Record<string, string | number>;
type FormatDate = (iso: string) => string;

/** Which of a problem's params a message names, and how: `{date}` is the one date the sentence is about. */
const VALUES_OF: Partial<Record<ProblemCode, (params: Values, date: FormatDate) => Values>> = {
  'MILESTONE.BEFORE_ENROLMENT': (p, date) => ({ date: date(String(p.earliest)) }),
  'MILESTONE.BEFORE_ENTRY': (p, date) => ({ date: date(String(p.earliest)) }),
  'MILESTONE.BEFORE_EXIT': (p, date) => ({ date: date(String(p.earliest)) }),
  'INTERVENTION.ENDS_BEFORE_START': (p, date) => ({ date: date(String(p.earliest)) }),
  'MILESTONE.DATE_IN_FUTURE': (p, date) => ({ date: date(String(p.today)) }),
  // An import's problems name a header as written in the file, or the row a duplicate repeats (never a cell's content).
  'IMPORT.DUPLICATE_COLUMN': (p) => ({ header: String(p.header ?? '') }),
  'IMPORT.UNKNOWN_COLUMN': (p) => ({ header: String(p.header ?? '') }),
  'IMPORT.DUPLICATE_ROW': (p) => ({ firstRow: Number(p.firstRow) }),
  'IMPORT.DUPLICATE_IDENTITY': (p) => ({ firstRow: Number(p.firstRow) }),
  'IMPORT.NOT_IN_LIST': (p) => ({ allowed: String(p.allowed ?? '') }),
  'PROJECT.PERIOD_EXCLUDES_ENROLMENTS': (p, date) => ({ from: date(String(p.earliest)), to: date(String(p.latest)) }),
  'FOLLOW_UP.OUTSIDE_WINDOW': (p, date) => ({ months: Number(p.monthsAfterExit), date: date(String(p.lastExitOn)), from: date(String(p.from)), to: date(String(p.to)) }),
};

export interface ProblemMessages {
  /** What the form as a whole shows (an error summary); null when nothing is wrong. */
  summary: string;
  /** Messages by field name (the request body's), shown next to each field. */
  fields: Record<string, string>;
}

type Translate = (id: MessageId, values?: Values) => string;

const hasMessage = (id: string): id is MessageId => Object.hasOwn(en, id);

/** The message for one problem code, or the general one for a code this app does not know (a newer API). */
export function problemMessage(problem: Pick<Problem, 'code' | 'params'>, t: Translate, date: FormatDate): string {
  const id = `problem.${problem.code}`;
  if (!hasMessage(id)) return t('problem.other');
  const values = VALUES_OF[problem.code as ProblemCode]?.(problem.params ?? {}, date);
  return t(id, values);
}

/**
 * A problem as the form shows it: a request the API could not validate (400, with field errors)
 * marks each field named; a broken rule (422, 409) goes next to the field it is about, if any.
 */
export function describeProblem(problem: Problem, t: Translate, date: FormatDate): ProblemMessages {
  const summary = problemMessage(problem, t, date);
  if (problem.errors?.length) {
    const fields = Object.fromEntries(
      problem.errors.map((e) => [e.field, t(/date|On$/.test(e.field) ? 'problem.field.date' : 'problem.field.invalid')]),
    );
    return { summary, fields };
  }
  const field = FIELD_OF[problem.code as ProblemCode];
  return { summary, fields: field ? { [field]: summary } : {} };
}

/** The problem in an API answer, or a general one when the body is not a problem document (a proxy's error page). */
export function problemOf(error: unknown, response: Response): Problem {
  const body = error as Partial<Problem> | undefined;
  if (body && typeof body.code === 'string') return { ...(body as Problem), status: response.status };
  return { status: response.status, code: `HTTP.${response.status}`, title: response.statusText };
}

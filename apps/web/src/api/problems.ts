import type { ProblemCode } from '../../../api/src/http/problem-codes';
import { Problem } from './client';
import { FormatDate, problemMessage, Translate } from './problem-message';

export { problemMessage } from './problem-message';

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
  'ENROLMENT.DATE_IN_FUTURE': 'enrolledOn',
  'USER.EMAIL_TAKEN': 'email',
  'PROJECT.ALREADY_REGISTERED': 'id',
  'PROJECT.INVALID_PERIOD': 'endDate',
  'PROJECT.INVALID_PLANNED_PARTICIPANTS': 'plannedParticipants',
  'PROJECT.INVALID_TIME_ZONE': 'timeZone',
  'CORRECTION.ENROLMENT_AFTER_FIRST_MILESTONE': 'enrolledOn',
  'CORRECTION.DATE_IN_FUTURE': 'enrolledOn',
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

export interface ProblemMessages {
  /** What the form as a whole shows (an error summary); null when nothing is wrong. */
  summary: string;
  /** Messages by field name (the request body's), shown next to each field. */
  fields: Record<string, string>;
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

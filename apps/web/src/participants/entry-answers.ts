import { ChoiceQuestion, NOT_DISCLOSED, YES_NO_FIELDS } from './enrolment-questions';

const YES_NO: ReadonlySet<string> = new Set(YES_NO_FIELDS);

/** A recorded answer as the enrolment form's option value: `yes`/`no` for booleans, `not-disclosed` for null. */
export function valueOf(answer: unknown): string {
  if (answer === null || answer === undefined) return NOT_DISCLOSED;
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
  return String(answer);
}

/** The form's option value as the API takes it: null for "not disclosed", booleans for the yes/no questions. */
export function answerOf(question: ChoiceQuestion, value: string): string | boolean | null {
  if (value === NOT_DISCLOSED) return null;
  return YES_NO.has(question.field) ? value === 'yes' : value;
}

/**
 * The correction form's field for a field a problem names: the body's path (`corrected.gender`),
 * the enrolment form's (`profile.birthDate`) or a milestone's date (`occurredOn`, the one date a
 * correction's "not in the future" is about: the enrolment date).
 */
export function fieldOfProblem(field: string): string {
  const name = field.replace(/^(corrected|profile)\./, '');
  return name === 'occurredOn' ? 'enrolledOn' : name;
}

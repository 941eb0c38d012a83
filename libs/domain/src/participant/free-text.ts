import { ruleBroken } from '../shared/domain-error';
import { SealedData } from './sealed-data';

/**
 * Clear text stored before free text was sealed (schema version 1 of the events below), as the
 * upcasters present it. Read paths treat it as personal data: only the project's caseworkers see
 * it, and no one once the person's data was erased. Its bytes stay in the log (docs/security.md).
 */
export type LegacyClearText = Readonly<{ legacyClearText: string }>;

/**
 * Free text a person typed about a participant, as stored:
 * - sealed with the participant's key (the erasure's reason: with the installation's audit key);
 * - `null`: not kept (the person's data was erased before it was recorded, or a generator such
 *   as the demo records none);
 * - legacy clear text from before sealing (see `LegacyClearText`).
 * Nothing is decided or counted from it: indicators read only the event types and closed lists.
 */
export type FreeText = SealedData | LegacyClearText | null;

/** Free text as a command carries it: never clear text. */
export type SealedText = SealedData | null;

/**
 * Every free-text field of the participant events, by event type (the audit of DESIGN.md §3's
 * milestones: every other field is a date, an id with a strict pattern, a number or a closed
 * list; `personal` is sealed as a whole). Projections leave these out of every table; read
 * paths open them only for whom they are meant.
 */
export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  QualificationGained: ['qualification'],
  MilestoneRetracted: ['reason'],
  PersonalDataErased: ['reason'],
  EntryProfileCorrected: ['reason'],
  EnrolmentWithdrawn: ['reason'],
};

export const isLegacyClearText = (text: FreeText): text is LegacyClearText =>
  text !== null && typeof (text as LegacyClearText).legacyClearText === 'string';

/**
 * The rule on a free-text reason, checked on the clear text before it is sealed (after sealing
 * the domain cannot look inside). Throws the rule `code` (422) for blank text.
 */
export function requireText(text: string, code: string, message: string): void {
  if (text.trim() === '') throw ruleBroken(code, message);
}

/** Upcaster step for a field that was clear text before schema version 2. */
export const legacyClearTextField =
  (field: string) =>
  (data: Record<string, unknown>): Record<string, unknown> =>
    typeof data[field] === 'string' ? { ...data, [field]: { legacyClearText: data[field] } } : data;

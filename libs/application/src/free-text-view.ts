/**
 * Free text about a participant (see `FreeText` in the domain) as a reader is shown it:
 * - `open`: the text, for whom it is meant (the project's caseworkers; admins for an erasure's reason);
 * - `sealed`: there is text, but not for this reader (evaluators, every role for an erasure's reason);
 * - `erased`: the person's data was erased, so the text is gone for everyone;
 * - `not-kept`: none was kept (recorded after the erasure, or by the demo generator);
 * - `key-missing`: the key it was sealed with is not in the key store (lost or wrongly restored:
 *   the operator must restore the key store that belongs with the log, see docs/security.md);
 * - `unreadable`: the key is there but does not open it (altered data, a key minted anew).
 */
export type FreeTextView =
  | { status: 'open'; text: string }
  | { status: 'sealed' | 'erased' | 'not-kept' | 'key-missing' | 'unreadable' };

/** What read models and copies put where free text was: they never hold the text, sealed or not. */
export const SEALED_TEXT: FreeTextView = { status: 'sealed' };

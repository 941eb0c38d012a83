import { FreeTextView } from '@pathway/application';
import { FreeText, isLegacyClearText } from '@pathway/domain';
import { KeyLookup, openSealed, Sealed } from '@pathway/privacy';

/** What the reader may be shown, decided before any box is touched. */
export interface FreeTextAccess {
  /** The person's data was erased (in the log or by a tombstone): nothing opens, for anyone. */
  erased: boolean;
  /** The reader is one the text is meant for. */
  mayOpen: boolean;
  /** What the key store holds for the key the text was sealed with (only needed when `mayOpen`). */
  lookup?: KeyLookup;
  /** The key of boxes sealed before boxes named their key. */
  defaultKeyId: string;
}

/**
 * One free-text value as a reader is shown it (see `FreeTextView`). A failure to open is an
 * answer (`key-missing`, `unreadable`), never an exception: a pathway view must not fail on it.
 */
export function viewFreeText(text: FreeText, access: FreeTextAccess): FreeTextView {
  if (text === null) return { status: 'not-kept' };
  if (access.erased) return { status: 'erased' };
  if (!access.mayOpen) return { status: 'sealed' };
  if (isLegacyClearText(text)) return { status: 'open', text: text.legacyClearText };
  const opened = openSealed(text as Sealed, access.lookup ?? { state: 'absent' }, { id: access.defaultKeyId, version: 1 });
  return opened.status === 'open' ? { status: 'open', text: opened.plaintext.toString('utf8') } : { status: opened.status };
}

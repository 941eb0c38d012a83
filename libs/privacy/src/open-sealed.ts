import { KeyLookup, KeyRef } from './data-key';
import { Sealed, unseal } from './sealed-box';

/**
 * What opening a sealed box gave:
 * - `open`: the plaintext;
 * - `erased`: the key was destroyed on purpose (a tombstone in the key store);
 * - `key-missing`: the store has no such key (no entry, or another version): a key store lost or
 *   restored from the wrong backup, an operator's problem and never to be read as an erasure;
 * - `unreadable`: the key is there but does not open the box (altered ciphertext, a key minted
 *   anew after a loss), or the master key does not open the key. A handled state, never an
 *   exception on a read path.
 */
export type Opened = { status: 'open'; plaintext: Buffer } | { status: 'erased' | 'key-missing' | 'unreadable' };

const NOT_OPEN = { destroyed: 'erased', absent: 'key-missing', unreadable: 'unreadable' } as const;

/**
 * Opens `box` with what the key store holds for the box's key. `defaultRef` names the key of
 * boxes sealed before boxes named their key (schema version 1): the participant's first key.
 */
export function openSealed(box: Sealed, lookup: KeyLookup, defaultRef?: KeyRef): Opened {
  if (lookup.state !== 'active') return { status: NOT_OPEN[lookup.state] };
  const ref = box.key ?? defaultRef;
  if (ref && (ref.id !== lookup.key.ref.id || ref.version !== lookup.key.ref.version)) return { status: 'key-missing' };
  try {
    return { status: 'open', plaintext: unseal(box, lookup.key.material) };
  } catch {
    return { status: 'unreadable' };
  }
}

/**
 * Which key a sealed box was sealed with: the key store's entry (`id`, the participant id, or
 * `AUDIT_KEY_ID` for the installation's audit key) and that entry's key `version` (1 for the
 * first key; a later key for the same entry would be 2). Stored in clear beside the ciphertext,
 * so a reader can tell "this key is gone on purpose" from "this key is missing from the store".
 */
export interface KeyRef {
  id: string;
  version: number;
}

/** A data key with the name boxes sealed by it carry. `material` is 32 bytes (AES-256). */
export interface DataKey {
  ref: KeyRef;
  material: Buffer;
}

/**
 * The key-store entry of the installation's audit key, which seals what only admins may read
 * (an erasure's reason). Not a valid participant id (ids have no `/`), so it cannot collide.
 */
export const AUDIT_KEY_ID = 'installation/audit';

/**
 * What the key store holds for an entry: a key (`active`), a tombstone left by `destroy`
 * (`destroyed`: the person was forgotten on purpose), nothing at all (`absent`: never made,
 * or lost, e.g. a key store restored from the wrong backup), or a row the master key does not
 * open (`unreadable`: damaged, or wrapped by another master key).
 */
export type KeyLookup = { state: 'active'; key: DataKey } | { state: 'destroyed' | 'absent' | 'unreadable' };

/**
 * Which key sealed a box: the key store's entry (the participant id, or the installation's
 * audit key) and that entry's key version. In clear beside the ciphertext, so a reader can tell
 * a key destroyed on purpose from one missing from the store.
 */
export type KeyRef = Readonly<{ id: string; version: number }>;

/**
 * Personal data (name, contact details, national identity number, notes) and free text about a
 * person, as the application sealed it with the participant's own key: the domain stores and
 * passes it on but never looks inside, so the log holds no clear text and destroying the key
 * forgets the person. `key` is absent on boxes sealed before boxes named their key; those were
 * sealed with version 1 of the participant's key.
 */
export type SealedData = Readonly<{ alg: string; iv: string; tag: string; ciphertext: string; key?: KeyRef }>;

/** Whether personal data was ever recorded for a participant, and whether it was erased since. */
export type PersonalDataStatus = 'none' | 'recorded' | 'erased';

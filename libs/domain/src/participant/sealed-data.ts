/**
 * Personal data (name, contact details, national identity number, notes) as the application
 * sealed it with the participant's own key: the domain stores and passes it on but never looks
 * inside, so the log holds no clear text and destroying the key forgets the person.
 */
export type SealedData = Readonly<{ alg: string; iv: string; tag: string; ciphertext: string }>;

/** Whether personal data was ever recorded for a participant, and whether it was erased since. */
export type PersonalDataStatus = 'none' | 'recorded' | 'erased';

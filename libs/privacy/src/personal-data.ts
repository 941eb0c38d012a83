import { DataKey } from './data-key';
import { Sealed, seal, unseal } from './sealed-box';

/** What a caseworker may keep about a person: never in the log's clear text, never in reports. */
export interface PersonalData {
  name?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: string;
  nationalIdentityNumber?: string;
  notes?: string;
}

/** Sealed with the participant's data key; a named key (`DataKey`) puts its name on the box. */
export const sealPersonalData = (data: PersonalData, dataKey: Buffer | DataKey): Sealed => seal(Buffer.from(JSON.stringify(data), 'utf8'), dataKey);

export const unsealPersonalData = (sealed: Sealed, dataKey: Buffer): PersonalData => JSON.parse(unseal(sealed, dataKey).toString('utf8'));

/**
 * Free text a person typed about a participant (a qualification, a retraction's reason), sealed
 * like personal data, as UTF-8, so destroying the key forgets it.
 */
export const sealText = (text: string, dataKey: DataKey): Sealed => seal(Buffer.from(text, 'utf8'), dataKey);

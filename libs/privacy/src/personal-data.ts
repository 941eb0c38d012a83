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

export const sealPersonalData = (data: PersonalData, dataKey: Buffer): Sealed => seal(Buffer.from(JSON.stringify(data), 'utf8'), dataKey);

export const unsealPersonalData = (sealed: Sealed, dataKey: Buffer): PersonalData => JSON.parse(unseal(sealed, dataKey).toString('utf8'));

import { DataKey, KeyLookup } from './data-key';
import { openSealed } from './open-sealed';
import { Sealed, seal, unseal } from './sealed-box';

/** What a caseworker may keep about a person: never in the log's clear text, never in reports. */
export interface PersonalData {
  name?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: string;
  nationalIdentityNumber?: string;
  /**
   * The person has protected identity (skyddad identitet: sekretessmarkering, skyddad
   * folkbokföring or fingerade personuppgifter): files sent out of Pathway (SCB's participant
   * file) carry a replacement code instead of the identity number. Sealed like the rest.
   */
  protectedIdentity?: boolean;
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

/** A person's personal data as the log holds it now, or why it cannot be read. */
export type OpenedPersonalData =
  | { status: 'none' }
  | { status: 'recorded'; data: PersonalData }
  /** The key is destroyed. */
  | { status: 'erased' }
  /** See `openSealed`: the key store lacks the key the box names, or it does not open the box. */
  | { status: 'key-missing' }
  | { status: 'unreadable' };

/**
 * The one way personal data is opened: the participant's sealed boxes in log order (enrolment,
 * then each change of contact details), opened with their key and merged, a later box's field
 * replacing an earlier one's and a null removing it. Boxes sealed before boxes named their key
 * were sealed with version 1 of the participant's key. The first box that does not open decides.
 */
export function openPersonalData(participantId: string, boxes: readonly Sealed[], lookup: KeyLookup): OpenedPersonalData {
  if (boxes.length === 0) return { status: 'none' };
  const opened = boxes.map((box) => openSealed(box, lookup, { id: participantId, version: 1 }));
  for (const status of ['erased', 'key-missing', 'unreadable'] as const) if (opened.some((o) => o.status === status)) return { status };
  const merged = opened.reduce<Record<string, unknown>>(
    (data, o) => ({ ...data, ...(o.status === 'open' ? (JSON.parse(o.plaintext.toString('utf8')) as Record<string, unknown>) : {}) }),
    {},
  );
  return { status: 'recorded', data: Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)) as PersonalData };
}

import { Inject, Injectable } from '@nestjs/common';
import { participantStream } from '@pathway/application';
import { conflict, notFound, SealedData, SealedText } from '@pathway/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pathway/event-store';
import { AUDIT_KEY_ID, DataKey, KeyStore, Sealed, sealText } from '@pathway/privacy';
import { KEY_STORE } from '@pathway/runtime';

/** The keys that seal what is written about a participant, and the installation's audit key. */
@Injectable()
export class ParticipantKeys {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /**
   * The participant's key for sealing something new; null once their data was erased (a
   * tombstone in the key store, or an erasure in the log). A key is made only for a participant
   * who exists (404 `PARTICIPANT.NOT_FOUND` otherwise, and nothing is made), and never anew when
   * the log already holds boxes sealed with a key the store has lost: that would seal new data
   * with a second key while the first is missing, so it answers 409 `PARTICIPANT.KEY_MISSING`
   * until the operator restores the key store that belongs with the log. A key row the master key
 * does not open answers 409 `PARTICIPANT.KEY_UNREADABLE`.
   */
  async forSealing(participantId: string): Promise<DataKey | null> {
    const lookup = await this.keys.lookup(participantId);
    if (lookup.state === 'active') return lookup.key;
    if (lookup.state === 'destroyed') return null;
    if (lookup.state === 'unreadable') throw conflict('PARTICIPANT.KEY_UNREADABLE', "The participant's key in the key store cannot be opened with the master key");
    const events = await this.store.readStream(participantStream(participantId));
    if (events.length === 0) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    if (events.some((e) => e.type === 'PersonalDataErased')) return null;
    if (events.some((e) => holdsBoxOf(e, participantId))) throw keyMissing();
    return this.keys.dataKeyFor(participantId);
  }

  /** `text` sealed with the participant's key; null (not kept) once their data was erased. */
  async sealText(participantId: string, text: string): Promise<SealedText> {
    const key = await this.forSealing(participantId);
    return key ? (sealText(text, key) as SealedData) : null;
  }

  /** `text` sealed with the installation's audit key, which only admin read paths open. */
  async sealForAdmins(text: string): Promise<SealedData> {
    return sealText(text, await this.keys.dataKeyFor(AUDIT_KEY_ID)) as SealedData;
  }
}

/** The stable answer to a key the store should have and does not. */
export const keyMissing = () =>
  conflict('PARTICIPANT.KEY_MISSING', "The key this participant's data was sealed with is missing from the key store; restore the key store that belongs with the event log");

/** Whether an event holds a box sealed with the participant's own key (an unnamed box is theirs). */
function holdsBoxOf(event: RecordedEvent, participantId: string): boolean {
  return Object.values(event.data).some((value) => isBox(value) && (value.key?.id ?? participantId) === participantId);
}

const isBox = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && typeof (value as Sealed).ciphertext === 'string' && typeof (value as Sealed).iv === 'string';

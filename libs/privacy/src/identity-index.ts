import { EventStore } from '@pathway/event-store';
import { blindIndex, BLIND_INDEX_KEY_ID } from './blind-index';
import { KeyStore } from './key-store';
import { openSealed } from './open-sealed';
import { PersonalData } from './personal-data';
import { Sealed } from './sealed-box';

/**
 * Exact search by national identity number without opening anyone's personal data: the number's
 * blind index (`blindIndex`) under the installation's key, filed in the key store beside the
 * participant's key and removed with it on erasure.
 */
export class IdentityIndex {
  /** @param today the current ISO date (`YYYY-MM-DD`): the century of a 10-digit Swedish number */
  constructor(
    private readonly keys: KeyStore,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** The index of `identityNumber` under this installation's key (made on first use). */
  async digestOf(identityNumber: string): Promise<string> {
    const key = await this.keys.dataKeyFor(BLIND_INDEX_KEY_ID);
    return blindIndex(identityNumber, key.material, this.today());
  }

  /**
   * Files the number in `personal` (enrolment, or a change that gives one) for the participant;
   * false when there is none or the participant's key is not active (erased: never indexed).
   */
  async file(participantId: string, personal: PersonalData | undefined): Promise<boolean> {
    const number = personal?.nationalIdentityNumber;
    if (!number) return false;
    return this.keys.indexIdentity(participantId, await this.digestOf(number));
  }

  /**
   * `file` for many participants in one key-store transaction (an import's chunk of rows);
   * entries without a number are skipped. Returns how many were filed.
   */
  async fileAll(entries: readonly { participantId: string; personal: PersonalData | undefined }[]): Promise<number> {
    const withNumber = entries.filter((e) => e.personal?.nationalIdentityNumber);
    const digests = await Promise.all(withNumber.map(async (e) => ({ participantId: e.participantId, digest: await this.digestOf(e.personal!.nationalIdentityNumber!) })));
    return this.keys.indexIdentities(digests);
  }

  /** The participants (of any project: the caller filters by project) with this identity number. */
  async find(identityNumber: string): Promise<string[]> {
    return this.keys.findByIdentity(await this.digestOf(identityNumber));
  }
}

/** What a rebuild did: participants filed, and those whose data it could not open (erased, key missing). */
export interface IdentityIndexRebuild {
  indexed: number;
  notOpened: number;
}

/**
 * Files the identity number of every participant in the log, in log order (a later box with a
 * number replaces an earlier one): the backfill for participants enrolled before the index
 * existed, and a repair after a crash between an enrolment's append and its filing. Idempotent;
 * erased participants stay out (their key is gone, and `indexIdentity` refuses a tombstone).
 * Reads the whole log once, 1,000 events at a time.
 */
export async function rebuildIdentityIndex(store: EventStore, index: IdentityIndex, keys: KeyStore): Promise<IdentityIndexRebuild> {
  const numbers = new Map<string, string>();
  let notOpened = 0;
  for (let after = 0; ; ) {
    const batch = await store.readAll(after, 1000);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.position;
    for (const event of batch) {
      const box = event.data.personal as Sealed | null | undefined;
      const participantId = event.data.participantId;
      if (!box || typeof participantId !== 'string') continue;
      const opened = openSealed(box, await keys.lookup(participantId), { id: participantId, version: 1 });
      if (opened.status !== 'open') {
        notOpened++;
        continue;
      }
      const number = (JSON.parse(opened.plaintext.toString('utf8')) as PersonalData).nationalIdentityNumber;
      if (number) numbers.set(participantId, number);
    }
  }
  let indexed = 0;
  for (const [participantId, number] of numbers) {
    if (await index.file(participantId, { nationalIdentityNumber: number })) indexed++;
  }
  return { indexed, notOpened };
}

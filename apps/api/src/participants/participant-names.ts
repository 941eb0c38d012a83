import { Inject, Injectable } from '@nestjs/common';
import { participantStream } from '@pathway/application';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { KeyStore, openPersonalData, Sealed } from '@pathway/privacy';
import { KEY_STORE } from '@pathway/runtime';

/**
 * Participants' names opened from the log for the project's caseworkers, with nothing else of
 * their personal data and no audit entry: the caller audits what it shows. Nothing is cached, so
 * no name stays in memory after the request.
 */
@Injectable()
export class ParticipantNames {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /** The name as last recorded; null when none was, the person was erased, or the key does not open it. */
  async nameOf(participantId: string): Promise<string | null> {
    const events = await this.store.readStream(participantStream(participantId));
    if (events.some((e) => e.type === 'PersonalDataErased')) return null;
    const boxes = events.flatMap((e) => (e.data.personal ? [e.data.personal as Sealed] : []));
    if (boxes.length === 0) return null;
    const opened = openPersonalData(participantId, boxes, await this.keys.lookup(participantId));
    return opened.status === 'recorded' ? (opened.data.name ?? null) : null;
  }
}

/** Lower case without diacritics, so "asa" finds "Åsa" and "ostlund" "Östlund". */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();

/** Whether every word of `query` is part of `name`, case and diacritics aside. */
export function nameMatches(name: string, query: string): boolean {
  const folded = foldForSearch(name);
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}

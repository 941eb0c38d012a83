import { Inject, Injectable } from '@nestjs/common';
import { FreeTextView, participantStream, toDomainEvent } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Principal } from '@pathway/auth';
import { FREE_TEXT_FIELDS, FreeText, ParticipantEvent } from '@pathway/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pathway/event-store';
import { KeyLookup, KeyStore, openPersonalData, PersonalData, Sealed } from '@pathway/privacy';
import { AUDIT_LOG, KEY_STORE } from '@pathway/runtime';
import { viewFreeText } from './free-text-views';

/**
 * `key-missing`: the key store has no key for data the log holds sealed (never read as an
 * erasure: the operator restores the key store that belongs with the log); `unreadable`: the
 * key there does not open it.
 */
export type PersonalDataView =
  | { status: 'none' }
  | { status: 'recorded'; data?: PersonalData }
  | { status: 'erased'; erasedAt: string | null }
  | { status: 'key-missing' }
  | { status: 'unreadable' };

/** Free text by event id, then by field, as the caller may see it. */
export type FreeTextViews = ReadonlyMap<string, Readonly<Record<string, FreeTextView>>>;

/** Free text sealed with the participant's key; an erasure's reason is the admins' (see ErasureRecordHandler). */
const PARTICIPANT_KEY_TEXT = (type: string) => (type === 'PersonalDataErased' ? [] : (FREE_TEXT_FIELDS[type] ?? []));

/**
 * A participant's personal data and free text as the caller may see them. Both are read from
 * the log, where they are sealed with the participant's key: only a caseworker of the project
 * (the AccessGuard checked the project) gets them opened, and each such read is written to the
 * audit log first. An erasure's reason is sealed with the audit key and shows as `sealed` here.
 */
@Injectable()
export class PersonalDataReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  /**
   * The personal data and every free-text value of a participant as `principal` may see them,
   * from the log (`recorded`: the participant's stored events, when the caller has read them
   * already). A caseworker's read that opens anything is audited before it is returned.
   */
  async disclose(
    participantId: string,
    principal: Principal,
    correlationId: string,
    recorded?: RecordedEvent[],
  ): Promise<{ personalData: PersonalDataView; freeText: FreeTextViews }> {
    const stored = recorded ?? (await this.store.readStream(participantStream(participantId)));
    const events = stored.map((e) => ({ eventId: e.eventId, recordedAt: String(e.metadata.recordedAt), event: toDomainEvent<ParticipantEvent>(e) }));
    const erasure = events.find((e) => e.event.type === 'PersonalDataErased');
    const boxes = events.flatMap(({ event }) => ('personal' in event.data && event.data.personal ? [event.data.personal as Sealed] : []));
    const texts = events.flatMap(({ eventId, event }) =>
      (FREE_TEXT_FIELDS[event.type] ?? []).map((field) => ({ eventId, type: event.type, field, text: (event.data as Record<string, unknown>)[field] as FreeText })),
    );

    const caseworker = principal.role === 'caseworker';
    const sealedForParticipant = boxes.length > 0 || texts.some((t) => t.text !== null && PARTICIPANT_KEY_TEXT(t.type).includes(t.field));
    const lookup: KeyLookup | undefined = caseworker && !erasure && sealedForParticipant ? await this.keys.lookup(participantId) : undefined;
    // A destroyed key whose erasure event is not in the log yet: erased all the same.
    const erased = Boolean(erasure) || lookup?.state === 'destroyed';

    const freeText = new Map<string, Record<string, FreeTextView>>();
    for (const { eventId, type, field, text } of texts) {
      // Only what the participant's key sealed is theirs to open, and goes with their erasure.
      const theirs = PARTICIPANT_KEY_TEXT(type).includes(field);
      const access = { erased: erased && theirs, mayOpen: caseworker && theirs, lookup, defaultKeyId: participantId };
      freeText.set(eventId, { ...freeText.get(eventId), [field]: viewFreeText(text, access) });
    }
    const personalData = this.personalDataView(participantId, boxes, lookup, { erased, erasedAt: erasure?.recordedAt ?? null, caseworker });

    const opened = personalData.status === 'recorded' && personalData.data !== undefined;
    if (opened || [...freeText.values()].some((fields) => Object.values(fields).some((v) => v.status === 'open'))) {
      await this.audit.record({
        at: new Date().toISOString(),
        subject: principal.subject,
        role: principal.role,
        action: 'personal-data.read',
        participantId,
        projectId: String(stored[0]!.metadata.projectId ?? stored[0]!.data.projectId),
        correlationId,
      });
    }
    return { personalData, freeText };
  }

  private personalDataView(
    participantId: string,
    boxes: Sealed[],
    lookup: KeyLookup | undefined,
    { erased, erasedAt, caseworker }: { erased: boolean; erasedAt: string | null; caseworker: boolean },
  ): PersonalDataView {
    if (erased) return { status: 'erased', erasedAt };
    if (boxes.length === 0) return { status: 'none' };
    if (!caseworker || !lookup) return { status: 'recorded' };
    const opened = openPersonalData(participantId, boxes, lookup);
    // A key destroyed without its erasure event in the log was handled above as erased.
    return opened.status === 'erased' ? { status: 'erased', erasedAt } : opened;
  }
}

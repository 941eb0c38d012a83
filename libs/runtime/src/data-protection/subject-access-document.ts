import { FreeTextView } from '@pathway/application';
import { RecordedAuditEntry } from '@pathway/audit';
import { PROFILE_FLAGS } from '@pathway/domain';
import { ParticipantMilestoneV1 } from '@pathway/integration';
import { PersonalData } from '@pathway/privacy';
import { auditActionWord, closedListWord, eventWord, roleWord } from '../closed-list-words';
import { SectionId, SUBJECT_ACCESS_TEXTS, SubjectAccessLanguage, SubjectAccessTexts } from './subject-access-texts';

export const SUBJECT_ACCESS_SCHEMA = 'pathway.subject-access.v1';

/** One event of the participant's stream as the document may show it. */
export interface SubjectAccessEvent {
  eventId: string;
  type: string;
  position: number;
  /** ISO instant the server recorded it. */
  recordedAt: string;
  /** The pseudonymous subject who recorded it, and in which role. */
  actor: string;
  actorRole: string | null;
  /** The event's data in its current schema, sealed boxes and free-text fields left out. */
  data: Record<string, unknown>;
  /** Its free-text fields as opened for the document (or why they are not). */
  freeText: Readonly<Record<string, FreeTextView>>;
}

export type SubjectPersonalData = { status: 'recorded'; data: PersonalData } | { status: 'none' | 'erased' | 'key-missing' | 'unreadable' };

/** Everything the document is built from: gathered (and the read audited) by SubjectAccess. */
export interface SubjectAccessInput {
  participantId: string;
  /** ISO instant. */
  generatedAt: string;
  requestedBy: { subject: string; role: string };
  project: { projectId: string; name: string } | null;
  /** The participant's stream, in order. */
  events: SubjectAccessEvent[];
  personalData: SubjectPersonalData;
  /** The audit log's entries about the participant, in order. */
  reads: RecordedAuditEntry[];
  /**
   * The integration events the relay publishes for the participant's events (the relay keeps no
   * record of its own), and how far it has sent: `sentUpTo` is its checkpoint, null when it never
   * ran; `enabled` is false when no Kafka is configured.
   */
  notices: { enabled: boolean; sentUpTo: number | null; messages: Array<{ position: number; message: ParticipantMilestoneV1 }> };
}

export type Cell = string | number | boolean | null;

/** One part of the document: a table, so it is one sheet in the XLSX and plain rows in JSON. */
export interface SubjectAccessSection {
  id: SectionId;
  /** The section's sheet name in the XLSX (at most 31 characters). */
  sheet: string;
  title: string;
  explanation: string;
  columns: Array<{ key: string; label: string }>;
  rows: Array<Record<string, Cell>>;
}

/** The answer to a subject-access request (GDPR Articles 15 and 20). */
export interface SubjectAccessDocument {
  schema: typeof SUBJECT_ACCESS_SCHEMA;
  language: SubjectAccessLanguage;
  title: string;
  participantId: string;
  generatedAt: string;
  sections: SubjectAccessSection[];
}

/**
 * Event types that correct the enrolment or withdraw it as made in error: each gets a row in
 * "Corrections" besides its row in "Everything recorded". Add a type here when the domain gets
 * one; any event type this file does not know still shows in "Everything recorded", by its name
 * and fields, so nothing recorded about a person is ever left out of the document.
 */
export const CORRECTION_EVENT_TYPES: ReadonlySet<string> = new Set(['EntryProfileCorrected', 'EnrolmentWithdrawn']);

/** Fields no reader needs in a row's details: the id is the document's, the date has its own column. */
const NOT_DETAILS = new Set(['participantId', 'projectId', 'occurredOn', 'enrolledOn', 'profile', 'personal']);

/**
 * Builds the subject-access document from its inputs, in `language`: a pure function (same
 * inputs, same document). Sections, in order: about, entry profile (as corrected, a note of the
 * value first recorded beside each corrected field), personal details, every
 * recorded event, retractions, corrections, reads of personal data (audit log), Kafka notices,
 * erasure. Values from closed lists (an answer at enrolment, a milestone's reason or situation, a
 * withdrawal's ground), users' roles, the entries' kinds (event types, also naming the notices
 * made from them) and what the audit log recorded are written as the words the app shows them in
 * (closed-list-words.ts), fields by their plain names (subject-access-texts.ts), in the document's
 * language; dates are ISO (YYYY-MM-DD, instants in UTC).
 */
export function buildSubjectAccessDocument(input: SubjectAccessInput, language: SubjectAccessLanguage = 'en'): SubjectAccessDocument {
  const t = SUBJECT_ACCESS_TEXTS[language];
  const section = (id: SectionId, columns: string[], rows: Array<Record<string, Cell>>): SubjectAccessSection => ({
    id,
    ...t.sections[id],
    columns: columns.map((key) => ({ key, label: t.columns[key] ?? key })),
    rows,
  });
  const eventName = (type: string) => eventWord(type, language) ?? type;
  const role = (code: string | null) => (code === null ? null : (roleWord(code, language) ?? code));
  const byId = new Map(input.events.map((e) => [e.eventId, e]));
  const retractedBy = new Map(input.events.filter((e) => e.type === 'MilestoneRetracted').map((e) => [String(e.data.retractedEventId), e]));
  const enrolment = input.events.find((e) => e.type === 'ParticipantEnrolled');
  const erasure = input.events.find((e) => e.type === 'PersonalDataErased');

  return {
    schema: SUBJECT_ACCESS_SCHEMA,
    language,
    title: t.documentTitle,
    participantId: input.participantId,
    generatedAt: input.generatedAt,
    sections: [
      section('about', ['item', 'value'], [
        { item: t.fields.participantId!, value: input.participantId },
        { item: t.fields.project!, value: input.project ? `${input.project.projectId} ${input.project.name}` : null },
        { item: t.fields.generatedAt!, value: input.generatedAt },
        { item: t.fields.requestedBy!, value: `${input.requestedBy.subject} (${role(input.requestedBy.role)})` },
      ]),
      section('entry-profile', ['field', 'value', 'note'], enrolment ? profileRows(enrolment.data, input.events.filter((e) => e.type === 'EntryProfileCorrected'), t, language) : []),
      section('personal-data', ['field', 'value'], personalDataRows(input.personalData, t)),
      section(
        'records',
        ['recordedAt', 'entry', 'occurredOn', 'details', 'status', 'recordedBy', 'role', 'eventId'],
        input.events.map((e) => {
          const retraction = retractedBy.get(e.eventId);
          return {
            recordedAt: e.recordedAt,
            entry: eventName(e.type),
            occurredOn: (e.data.occurredOn ?? e.data.enrolledOn ?? null) as Cell,
            details: details(e, t, language),
            status: retraction ? `${eventName('MilestoneRetracted')} ${retraction.recordedAt}` : null,
            recordedBy: e.actor,
            role: role(e.actorRole),
            eventId: e.eventId,
          };
        }),
      ),
      section(
        'retractions',
        ['recordedAt', 'retractedEntry', 'occurredOn', 'reason', 'recordedBy', 'role', 'retractedEntryId'],
        input.events
          .filter((e) => e.type === 'MilestoneRetracted')
          .map((e) => {
            const target = byId.get(String(e.data.retractedEventId));
            return {
              recordedAt: e.recordedAt,
              retractedEntry: target ? eventName(target.type) : null,
              occurredOn: (target?.data.occurredOn ?? null) as Cell,
              reason: shownText(e.freeText.reason, t),
              recordedBy: e.actor,
              role: role(e.actorRole),
              retractedEntryId: String(e.data.retractedEventId),
            };
          }),
      ),
      section(
        'corrections',
        ['recordedAt', 'entry', 'details', 'recordedBy', 'role', 'eventId'],
        input.events
          .filter((e) => CORRECTION_EVENT_TYPES.has(e.type))
          .map((e) => ({ recordedAt: e.recordedAt, entry: eventName(e.type), details: details(e, t, language), recordedBy: e.actor, role: role(e.actorRole), eventId: e.eventId })),
      ),
      section(
        'reads',
        ['at', 'who', 'role', 'action'],
        input.reads.map((r) => ({ at: r.at, who: r.subject, role: role(r.role), action: auditActionWord(r.action, language) ?? r.action })),
      ),
      section(
        'notices',
        ['recordedAt', 'notice', 'occurredOn', 'status', 'message'],
        input.notices.messages.map(({ position, message }) => ({
          recordedAt: message.recordedAt,
          // Named by the entry it tells of; the message itself, codes and all, is in its own column.
          notice: byId.has(message.eventId) ? eventName(byId.get(message.eventId)!.type) : message.milestone,
          occurredOn: message.occurredOn,
          status: t.noticeStatus[!input.notices.enabled ? 'relay-off' : input.notices.sentUpTo !== null && position <= input.notices.sentUpTo ? 'sent' : 'pending'],
          message: JSON.stringify(message),
        })),
      ),
      section(
        'erasure',
        ['erasedAt', 'erasedBy', 'reason', 'erased'],
        erasure ? [{ erasedAt: erasure.recordedAt, erasedBy: erasure.actor, reason: shownText(erasure.freeText.reason, t), erased: t.erasedWhat }] : [],
      ),
    ],
  };
}

/**
 * The entry profile as it stands: each field's value after every correction in log order (the
 * corrected fields of `EntryProfileCorrected` are `enrolledOn` and profile fields), with a note
 * of the value first recorded and when it was corrected; an uncorrected field has no note.
 */
function profileRows(enrolled: Record<string, unknown>, corrections: SubjectAccessEvent[], t: SubjectAccessTexts, language: SubjectAccessLanguage): Array<Record<string, Cell>> {
  const recorded: Record<string, unknown> = { enrolledOn: enrolled.enrolledOn ?? null, ...((enrolled.profile ?? {}) as Record<string, unknown>) };
  const current = { ...recorded };
  const correctedAt: Record<string, string> = {};
  for (const correction of corrections) {
    for (const [field, v] of Object.entries((correction.data.corrected ?? {}) as Record<string, unknown>)) {
      current[field] = v;
      correctedAt[field] = correction.recordedAt;
    }
  }
  const value = (field: string, v: unknown): Cell =>
    v === null || v === undefined ? t.notDisclosed : typeof v === 'boolean' ? (v ? t.yes : t.no) : closedListWord(field, v, language) ?? (v as Cell);
  const fields = ['enrolledOn', 'birthDate', 'gender', 'labourMarketStatus', 'educationLevel', ...PROFILE_FLAGS];
  return fields.map((field) => ({
    field: t.fields[field] ?? field,
    value: value(field, current[field]),
    note: correctedAt[field] ? t.correctedNote(String(value(field, recorded[field])), correctedAt[field]) : null,
  }));
}

function personalDataRows(personal: SubjectPersonalData, t: SubjectAccessTexts): Array<Record<string, Cell>> {
  if (personal.status !== 'recorded') return [{ field: t.columns.status!, value: t.personalDataStatus[personal.status] }];
  return Object.entries(personal.data).map(([field, value]) => ({ field: t.fields[field] ?? field, value: (value ?? null) as Cell }));
}

/**
 * The fields of an event a reader needs, as `Name: value; ...` in the document's language: each
 * field by its plain name (t.fields, else its own), closed-list values and grounds in words
 * (closed-list-words.ts), yes/no, an empty field as "not recorded", free text as shown. A
 * correction's `corrected` fields read by their own names (the entry says they were corrected).
 */
function details(event: SubjectAccessEvent, t: SubjectAccessTexts, language: SubjectAccessLanguage): string | null {
  const name = (field: string) => t.fields[field] ?? field;
  const word = (field: string, value: unknown) =>
    value === null || value === undefined ? t.notRecorded : typeof value === 'boolean' ? (value ? t.yes : t.no) : (closedListWord(field, value, language) ?? shown(value));
  const parts = Object.entries(event.data)
    .filter(([key]) => !NOT_DETAILS.has(key) && !(key in event.freeText))
    .flatMap(([key, value]) => (isRecord(value) ? Object.entries(value).map(([inner, v]) => `${name(inner)}: ${word(inner, v)}`) : [`${name(key)}: ${word(key, value)}`]));
  for (const [field, view] of Object.entries(event.freeText)) parts.push(`${name(field)}: ${shownText(view, t)}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

const shownText = (view: FreeTextView | undefined, t: SubjectAccessTexts): string | null =>
  view === undefined ? null : view.status === 'open' ? view.text : t.textStatus[view.status];

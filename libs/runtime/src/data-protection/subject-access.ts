import { Kysely } from 'kysely';
import { FreeTextView, loadProject, participantStream, redactSealed, toDomainEvent } from '@pathway/application';
import { AuditLog, RecordedAuditEntry } from '@pathway/audit';
import { FREE_TEXT_FIELDS, FreeText, notFound, ParticipantEvent } from '@pathway/domain';
import { EventStore, RecordedEvent } from '@pathway/event-store';
import { RELAY_CHECKPOINT, toParticipantMilestone } from '@pathway/integration';
import { AUDIT_KEY_ID, KeyLookup, KeyStore, openPersonalData, Sealed } from '@pathway/privacy';
import { readCheckpoint, ReadModelSchema } from '@pathway/read-models';
import { viewFreeText } from './free-text-views';
import { buildSubjectAccessDocument, SubjectAccessDocument, SubjectAccessEvent, SubjectPersonalData } from './subject-access-document';
import { SubjectAccessLanguage } from './subject-access-texts';

/** What a subject-access document is gathered from. */
export interface SubjectAccessSources {
  store: EventStore;
  keys: KeyStore;
  audit: AuditLog;
  /** The read-model database: where the Kafka relay keeps its checkpoint. */
  readModels: Kysely<ReadModelSchema>;
  /** Whether a Kafka relay is configured (KAFKA_BROKERS). */
  kafkaEnabled: boolean;
  now: () => Date;
}

export interface SubjectAccessRequest {
  participantId: string;
  /** The admin asking: a pseudonymous subject and the role, as the audit log records them. */
  requester: { subject: string; role: string };
  correlationId: string;
  language: SubjectAccessLanguage;
}

/** The audit log's action for a subject-access read (it opens everything held about the person). */
export const SUBJECT_ACCESS_READ = 'subject-access.read';

/**
 * Everything held about a participant, for the person (GDPR Articles 15 and 20): the one
 * application service behind `GET /participants/{id}/subject-access` and `pathway subject-access`.
 * The read is written to the audit log first (action `subject-access.read`), so the document's
 * list of reads includes it; then the personal data and every free text are opened (the
 * participant's key; an erasure's reason with the audit key), the audit trail is read, and the
 * Kafka notices are derived from the stream and the relay's checkpoint.
 *
 * Errors: DomainError `PARTICIPANT.NOT_FOUND` (404) for a participant never enrolled.
 */
export async function subjectAccess(sources: SubjectAccessSources, request: SubjectAccessRequest): Promise<SubjectAccessDocument> {
  const { store, keys, audit } = sources;
  const { participantId } = request;
  const stored = await store.readStream(participantStream(participantId));
  if (stored.length === 0) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
  const projectId = String(stored[0]!.metadata.projectId ?? stored[0]!.data.projectId);
  const generatedAt = sources.now().toISOString();

  await audit.record({ at: generatedAt, subject: request.requester.subject, role: request.requester.role, action: SUBJECT_ACCESS_READ, participantId, projectId, correlationId: request.correlationId });

  const events = stored.map((recorded) => ({ recorded, event: toDomainEvent<ParticipantEvent>(recorded) }));
  const erasedInLog = events.some(({ event }) => event.type === 'PersonalDataErased');
  const participantKey = erasedInLog ? undefined : await keys.lookup(participantId);
  const erased = erasedInLog || participantKey?.state === 'destroyed';
  const auditKey = erasedInLog ? await keys.lookup(AUDIT_KEY_ID) : undefined;

  const shown: SubjectAccessEvent[] = events.map(({ recorded, event }) => {
    const fields = FREE_TEXT_FIELDS[event.type] ?? [];
    const data = event.data as unknown as Record<string, unknown>;
    const freeText: Record<string, FreeTextView> = {};
    for (const field of fields) {
      const text = data[field] as FreeText;
      // An erasure's reason is sealed with the installation's audit key and outlives the erasure.
      freeText[field] =
        event.type === 'PersonalDataErased'
          ? viewFreeText(text, { erased: false, mayOpen: true, lookup: auditKey, defaultKeyId: AUDIT_KEY_ID })
          : viewFreeText(text, { erased, mayOpen: true, lookup: participantKey, defaultKeyId: participantId });
    }
    const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key) && key !== 'personal'));
    return {
      eventId: recorded.eventId,
      type: recorded.type,
      position: recorded.position,
      recordedAt: String(recorded.metadata.recordedAt),
      actor: String(recorded.metadata.actor),
      actorRole: typeof recorded.metadata.actorRole === 'string' ? recorded.metadata.actorRole : null,
      data: redactSealed(rest) as Record<string, unknown>,
      freeText,
    };
  });

  const project = await loadProject({ store }, projectId);
  return buildSubjectAccessDocument(
    {
      participantId,
      generatedAt,
      requestedBy: request.requester,
      project: project && { projectId: project.projectId, name: project.name },
      events: shown,
      personalData: personalData(participantId, events.map((e) => e.event), erased, participantKey),
      reads: await auditTrail(audit, participantId),
      notices: {
        enabled: sources.kafkaEnabled,
        sentUpTo: sources.kafkaEnabled ? await readCheckpoint(sources.readModels, RELAY_CHECKPOINT) : null,
        messages: notices(stored),
      },
    },
    request.language,
  );
}

/** The person's personal data as the pathway view opens it (`openPersonalData`). */
function personalData(participantId: string, events: ParticipantEvent[], erased: boolean, lookup: KeyLookup | undefined): SubjectPersonalData {
  if (erased) return { status: 'erased' };
  const boxes = events.flatMap((event) => ('personal' in event.data && event.data.personal ? [event.data.personal as Sealed] : []));
  return openPersonalData(participantId, boxes, lookup ?? { state: 'absent' });
}

/** Every audit entry about the participant, page by page. */
async function auditTrail(audit: AuditLog, participantId: string): Promise<RecordedAuditEntry[]> {
  const entries: RecordedAuditEntry[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await audit.query({ participantId, after, limit: 1000 });
    entries.push(...page.entries);
    if (page.next === null) return entries;
    after = page.next;
  }
}

/**
 * What the relay publishes for these events: the same translation it applies (it keeps no
 * record of what it sent, so the list is derived; whether each was sent follows from its checkpoint).
 */
function notices(stored: RecordedEvent[]) {
  return stored.flatMap((recorded) => {
    const message = toParticipantMilestone(recorded);
    return message ? [{ position: recorded.position, message }] : [];
  });
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FreeTextView, participantStream, toDomainEvent } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Principal } from '@pathway/auth';
import { notFound, PersonalDataErased } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { AUDIT_KEY_ID, KeyStore } from '@pathway/privacy';
import { AUDIT_LOG, KEY_STORE } from '@pathway/runtime';
import { viewFreeText } from './free-text-views';

export class ErasureRecordQuery {
  constructor(
    readonly participantId: string,
    readonly principal: Principal,
    readonly correlationId: string,
  ) {}
}

/** When a participant's personal data was erased, by whom, and why (`reason` opened for admins). */
export interface ErasureRecord {
  participantId: string;
  erasedAt: string;
  /** The admin's pseudonymous subject. */
  erasedBy: string;
  reason: FreeTextView;
}

/**
 * The accountability record of an erasure, for admins only (access policy `participants.erase`).
 * The reason is sealed in the log with the installation's audit key, not the participant's, so
 * it outlives the erasure it documents; opening it is written to the audit log first.
 */
@QueryHandler(ErasureRecordQuery)
export class ErasureRecordHandler implements IQueryHandler<ErasureRecordQuery, ErasureRecord> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute({ participantId, principal, correlationId }: ErasureRecordQuery): Promise<ErasureRecord> {
    const stored = await this.store.readStream(participantStream(participantId));
    const recorded = stored.find((e) => e.type === 'PersonalDataErased');
    if (!recorded) throw notFound('ERASURE.NOT_FOUND', "This participant's personal data was not erased");
    const { reason: text } = toDomainEvent<PersonalDataErased>(recorded).data;
    const lookup = await this.keys.lookup(AUDIT_KEY_ID);
    const reason = viewFreeText(text, { erased: false, mayOpen: true, lookup, defaultKeyId: AUDIT_KEY_ID });
    if (reason.status === 'open') {
      await this.audit.record({
        at: new Date().toISOString(),
        subject: principal.subject,
        role: principal.role,
        action: 'erasure-reason.read',
        participantId,
        projectId: String(stored[0]!.metadata.projectId ?? stored[0]!.data.projectId),
        correlationId,
      });
    }
    return { participantId, erasedAt: String(recorded.metadata.recordedAt), erasedBy: String(recorded.metadata.actor), reason };
  }
}

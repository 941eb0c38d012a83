import { Inject, Injectable } from '@nestjs/common';
import { participantStream } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Principal } from '@pathway/auth';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { KeyStore, PersonalData, Sealed, unsealPersonalData } from '@pathway/privacy';
import { AUDIT_LOG, KEY_STORE } from '@pathway/runtime';

export type PersonalDataView =
  | { status: 'none' }
  | { status: 'recorded'; data?: PersonalData }
  | { status: 'erased'; erasedAt: string | null };

/**
 * A participant's personal data as the caller may see it. It is read from the log, where it
 * is sealed with the participant's key: only a caseworker of the project (the AccessGuard
 * checked the project) gets it opened, and each such read is written to the audit log first.
 */
@Injectable()
export class PersonalDataReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async read(participantId: string, principal: Principal, correlationId: string): Promise<PersonalDataView> {
    const events = await this.store.readStream(participantStream(participantId));
    const erasure = events.find((e) => e.type === 'PersonalDataErased');
    if (erasure) return { status: 'erased', erasedAt: String(erasure.metadata.recordedAt) };
    const sealed = events.map((e) => e.data.personal as Sealed | undefined).filter((s): s is Sealed => s !== undefined);
    if (sealed.length === 0) return { status: 'none' };
    if (principal.role !== 'caseworker') return { status: 'recorded' };

    const key = await this.keys.find(participantId);
    // A destroyed key whose erasure event is not in the log yet: erased all the same.
    if (!key) return { status: 'erased', erasedAt: null };
    await this.audit.record({
      at: new Date().toISOString(),
      subject: principal.subject,
      role: principal.role,
      action: 'personal-data.read',
      participantId,
      projectId: String(events[0]!.metadata.projectId ?? events[0]!.data.projectId),
      correlationId,
    });
    // Enrolment first, then each change of contact details; a null removes a detail.
    const merged = sealed.reduce<Record<string, unknown>>((data, s) => ({ ...data, ...unsealPersonalData(s, key) }), {});
    return { status: 'recorded', data: Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)) as PersonalData };
  }
}

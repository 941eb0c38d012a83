import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@pathway/audit';
import { Principal } from '@pathway/auth';
import { LikelyDuplicate, likelyDuplicates, sameBirthDateAndName, SharedGroup } from '@pathway/indicators';
import { KeyStore } from '@pathway/privacy';
import { duplicateCandidates, ReadModelDb } from '@pathway/read-models';
import { AUDIT_LOG, KEY_STORE, READ_MODELS } from '@pathway/runtime';
import { ParticipantNames } from '../participants/participant-names';

/**
 * The likely duplicates of a project for its caseworkers (`likelyDuplicates`): the same identity
 * number through the blind index (one GROUP BY in the key store, nothing opened), or the same
 * birth date and name, where only the names of those sharing a birth date with another
 * participant of the project are opened (`ParticipantNames`, the one way through
 * `openPersonalData`), and nothing opened is kept or answered. Each participant in a pair found
 * through their name gets a `personal-data.search` audit entry before the answer, as a name
 * search does.
 */
@Injectable()
export class LikelyDuplicatesFinder {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    private readonly names: ParticipantNames,
  ) {}

  /** The pairs; the caller checked that `principal` is a caseworker of `projectId`. */
  async find(projectId: string, principal: Principal, correlationId: string): Promise<LikelyDuplicate[]> {
    const [candidates, shared] = await Promise.all([duplicateCandidates(this.readModels.db, projectId), this.keys.sharedIdentities()]);
    const people = [];
    for (const { participantId, birthDate } of candidates.sharingBirthDate) people.push({ participantId, birthDate, name: await this.names.nameOf(participantId) });
    const byName = sameBirthDateAndName(people);
    const groups: SharedGroup[] = [...shared.map((participantIds) => ({ reason: 'same-identity-number' as const, participantIds })), ...byName];
    const pairs = likelyDuplicates(groups, candidates.participantIds);

    const foundByName = new Set(byName.flatMap((g) => g.participantIds));
    const searched = [...new Set(pairs.flatMap((p) => p.participantIds))].filter((id) => foundByName.has(id));
    const at = new Date().toISOString();
    for (const participantId of searched) {
      await this.audit.record({ at, subject: principal.subject, role: principal.role, action: 'personal-data.search', participantId, projectId, correlationId });
    }
    return pairs;
  }
}

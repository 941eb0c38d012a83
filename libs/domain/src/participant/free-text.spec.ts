import { isLegacyClearText, requireText } from './free-text';
import { DomainError } from '../shared/domain-error';
import { currentSchemaVersion, upcast } from '../shared/upcaster';
import { PATHWAY_EVENT_SCHEMAS } from '../event-schemas';

describe('free text about a participant', () => {
  it('refuses a blank reason with the rule code, before anything is sealed', () => {
    expect(() => requireText('  \t', 'RETRACTION.REASON_REQUIRED', 'A retraction needs a reason')).toThrow(DomainError);
    expect(() => requireText(' \n', 'ERASURE.REASON_REQUIRED', 'An erasure needs a reason')).toThrow(
      expect.objectContaining({ code: 'ERASURE.REASON_REQUIRED', kind: 'rule' }),
    );
    expect(() => requireText('recorded twice', 'RETRACTION.REASON_REQUIRED', 'A retraction needs a reason')).not.toThrow();
  });

  it.each([
    ['QualificationGained', 'qualification', { participantId: 'p-1', occurredOn: '2024-06-01', qualification: 'Truck licence for Anna Testsson', iscedLevel: null }],
    ['MilestoneRetracted', 'reason', { participantId: 'p-1', retractedEventId: 'e-1', reason: 'Anna Testsson called' }],
    ['PersonalDataErased', 'reason', { participantId: 'p-1', reason: 'Anna Testsson asked' }],
  ])('lifts a %s of schema 1, its %s in clear, to legacy clear text at schema 2', (type, field, data) => {
    expect(currentSchemaVersion(PATHWAY_EVENT_SCHEMAS, type)).toBe(2);
    const lifted = upcast(PATHWAY_EVENT_SCHEMAS, type, 1, data);
    expect(lifted).toEqual({ ...data, [field]: { legacyClearText: (data as Record<string, unknown>)[field] } });
    expect(isLegacyClearText(lifted[field] as never)).toBe(true);
  });

  it('leaves schema 2 (sealed, or null: not kept) as it is', () => {
    const sealed = { participantId: 'p-1', retractedEventId: 'e-1', reason: { alg: 'A256GCM', iv: 'aQ==', tag: 'dA==', ciphertext: 'Yw==', key: { id: 'p-1', version: 1 } } };
    expect(upcast(PATHWAY_EVENT_SCHEMAS, 'MilestoneRetracted', 2, sealed)).toBe(sealed);
    expect(isLegacyClearText(sealed.reason)).toBe(false);
    expect(isLegacyClearText(null)).toBe(false);
  });
});

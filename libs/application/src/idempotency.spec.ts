import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { IdempotentRequest, requestFingerprint } from './idempotency';

const request = { actor: 'anna.k', actorRole: 'caseworker', correlationId: 'c-1', idempotencyKey: 'k-1' };

describe('request fingerprints', () => {
  it('ignore key order, spacing and undefined members, and keep array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    const one = requestFingerprint('k-1', 'anna.k', 'POST /p', JSON.parse('{"occurredOn":"2024-03-01","type":"exited"}'));
    const two = requestFingerprint('k-1', 'anna.k', 'POST /p', JSON.parse('{ "type": "exited",  "occurredOn": "2024-03-01" }'));
    expect(one).toBe(two);
  });

  it('differ with the body, the operation, the caller and the key', () => {
    const fingerprints = [
      requestFingerprint('k-1', 'anna.k', 'POST /p', { reason: 'a' }),
      requestFingerprint('k-1', 'anna.k', 'POST /p', { reason: 'b' }),
      requestFingerprint('k-1', 'anna.k', 'POST /q', { reason: 'a' }),
      requestFingerprint('k-1', 'bo.l', 'POST /p', { reason: 'a' }),
      requestFingerprint('k-2', 'anna.k', 'POST /p', { reason: 'a' }),
    ];
    expect(new Set(fingerprints).size).toBe(5);
  });

  it('are keyed: no plain hash of a body that may hold personal data', () => {
    const body = { personal: { nationalIdentityNumber: '199001011234' } };
    const fingerprint = requestFingerprint('k-1', 'anna.k', 'POST /p', body);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).not.toBe(createHash('sha256').update(`POST /p\n${canonicalJson(body)}`).digest('hex'));
  });
});

describe('IdempotentRequest', () => {
  it('scopes the key to the stream and the caller, and names the request in the event ids', () => {
    const mine = IdempotentRequest.of('participant-p1', { ...request, requestFingerprint: 'f-1' }, {})!;
    const again = IdempotentRequest.of('participant-p1', { ...request, requestFingerprint: 'f-1' }, {})!;
    const other = IdempotentRequest.of('participant-p1', { ...request, requestFingerprint: 'f-2' }, {})!;
    const colleague = IdempotentRequest.of('participant-p1', { ...request, actor: 'bo.l', requestFingerprint: 'f-1' }, {})!;
    const elsewhere = IdempotentRequest.of('participant-p2', { ...request, requestFingerprint: 'f-1' }, {})!;
    expect([again.key, again.eventIdAt(0)]).toEqual([mine.key, mine.eventIdAt(0)]);
    expect(other.key).toBe(mine.key);
    expect(other.eventIdAt(0)).not.toBe(mine.eventIdAt(0));
    expect(colleague.key).not.toBe(mine.key);
    expect(elsewhere.key).not.toBe(mine.key);
    expect(IdempotentRequest.of('participant-p1', { ...request, idempotencyKey: undefined }, {})).toBeNull();
  });

  it('refuses another request under the key with 422 IDEMPOTENCY.KEY_REUSED', () => {
    const mine = IdempotentRequest.of('s', { ...request, requestFingerprint: 'f-1' }, {})!;
    expect(() => mine.checkSameRequest({ request: 'f-1' })).not.toThrow();
    expect(() => mine.checkSameRequest({ request: 'f-2' })).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_REUSED', kind: 'rule' }));
  });
});

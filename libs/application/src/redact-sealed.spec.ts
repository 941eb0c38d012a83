import { redactSealed } from './redact-sealed';

const box = { alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext: 'QW5uYSBUZXN0c3Nvbg==' };

describe('redactSealed', () => {
  it('replaces every sealed value, however deep, and keeps the rest', () => {
    const data = {
      participantId: 'p-1',
      enrolledOn: '2024-01-15',
      profile: { gender: 'woman', disability: null },
      personal: box,
      history: [{ personal: box }, 'note', 3],
    };
    expect(redactSealed(data)).toEqual({
      participantId: 'p-1',
      enrolledOn: '2024-01-15',
      profile: { gender: 'woman', disability: null },
      personal: 'sealed',
      history: [{ personal: 'sealed' }, 'note', 3],
    });
    expect(JSON.stringify(redactSealed(data))).not.toMatch(/ciphertext|QW5uYSBUZXN0c3Nvbg==/);
  });

  it('copies: the event data it was given is left as it was', () => {
    const data = { personal: box, profile: { gender: 'man' } };
    const redacted = redactSealed(data);
    expect(data.personal).toBe(box);
    expect(redacted.profile).not.toBe(data.profile);
  });

  it('leaves objects that only look partly like a sealed box', () => {
    const partial = { alg: 'A256GCM', iv: 'x', tag: 'y' };
    const numeric = { ...box, ciphertext: 42 };
    expect(redactSealed({ partial, numeric })).toEqual({ partial, numeric });
  });

  it('passes plain values through', () => {
    expect(redactSealed(null)).toBeNull();
    expect(redactSealed('text')).toBe('text');
    expect(redactSealed({ reason: 'asked to be forgotten' })).toEqual({ reason: 'asked to be forgotten' });
  });
});

describe('redactSealed on free text', () => {
  it('hides clear text from before sealing (as upcast) like a sealed box, and keeps a box\'s key name out too', () => {
    const data = { qualification: { legacyClearText: 'Truck licence for Anna Testsson' }, reason: { ...box, key: { id: 'p-1', version: 1 } }, none: null };
    expect(redactSealed(data)).toEqual({ qualification: 'sealed', reason: 'sealed', none: null });
  });
});

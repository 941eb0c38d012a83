import { newDataKey, seal, unseal } from './sealed-box';
import { sealPersonalData, unsealPersonalData } from './personal-data';

describe('sealed box (AES-256-GCM)', () => {
  const key = newDataKey();

  it('reads back what it sealed, and never shows it in the sealed form', () => {
    const person = { name: 'Anna Testsson', nationalIdentityNumber: '200308142389', phone: '+46 70 123 45 67' };
    const sealed = sealPersonalData(person, key);
    expect(unsealPersonalData(sealed, key)).toEqual(person);
    expect(JSON.stringify(sealed)).not.toMatch(/Anna|Testsson|200308142389|123 45 67/);
  });

  it('seals the same data differently each time (a fresh IV)', () => {
    const data = Buffer.from('same');
    expect(seal(data, key).ciphertext).not.toBe(seal(data, key).ciphertext);
  });

  it('refuses a wrong key and an altered ciphertext', () => {
    const sealed = seal(Buffer.from('Anna Testsson'), key);
    expect(() => unseal(sealed, newDataKey())).toThrow();
    const altered = { ...sealed, ciphertext: Buffer.from('Bnna Testsson').toString('base64') };
    expect(() => unseal(altered, key)).toThrow();
  });

  it('takes only 256-bit keys', () => {
    expect(() => seal(Buffer.from('x'), Buffer.alloc(16))).toThrow(RangeError);
  });
});

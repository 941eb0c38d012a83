import { activeKey, KeyUnreadableError, lookupRow } from './key-store';
import { MasterKeys } from './master-keys';
import { DataKey } from './data-key';
import { openSealed } from './open-sealed';
import { newDataKey, seal, unseal } from './sealed-box';
import { sealPersonalData, sealText, unsealPersonalData } from './personal-data';

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

describe('opening a sealed box by its key name', () => {
  const key: DataKey = { ref: { id: 'p-1', version: 1 }, material: newDataKey() };
  const box = sealText('Truck licence for Anna Testsson, 200308142389', key);

  it('opens with the key it names', () => {
    const opened = openSealed(box, { state: 'active', key });
    expect(opened.status === 'open' && opened.plaintext.toString('utf8')).toBe('Truck licence for Anna Testsson, 200308142389');
  });

  it('says erased only for a destroyed key, key-missing for one the store lacks', () => {
    expect(openSealed(box, { state: 'destroyed' })).toEqual({ status: 'erased' });
    expect(openSealed(box, { state: 'absent' })).toEqual({ status: 'key-missing' });
  });

  it('says key-missing when the store holds another version of the key', () => {
    const other: DataKey = { ref: { id: 'p-1', version: 2 }, material: newDataKey() };
    expect(openSealed(box, { state: 'active', key: other })).toEqual({ status: 'key-missing' });
  });

  it('says unreadable, without throwing, when the named key does not open the box', () => {
    const minted: DataKey = { ref: { id: 'p-1', version: 1 }, material: newDataKey() };
    expect(openSealed(box, { state: 'active', key: minted })).toEqual({ status: 'unreadable' });
    expect(openSealed({ ...box, tag: Buffer.alloc(16).toString('base64') }, { state: 'active', key })).toEqual({ status: 'unreadable' });
  });

  it('takes an unnamed box (sealed before boxes named keys) as the default key version', () => {
    const { key: _, ...unnamed } = box;
    expect(openSealed(unnamed, { state: 'active', key }, { id: 'p-1', version: 1 }).status).toBe('open');
    expect(openSealed(unnamed, { state: 'active', key }, { id: 'p-1', version: 2 }).status).toBe('key-missing');
  });
});

describe('a key row the master key does not open', () => {
  it('is looked up as unreadable, not as missing or erased, and opens nothing', () => {
    const masterKeys = new MasterKeys(newDataKey());
    const wrappedElsewhere = new MasterKeys(newDataKey()).wrap(newDataKey());
    expect(lookupRow('p-1', { wrapped: wrappedElsewhere, version: 1 }, masterKeys)).toEqual({ state: 'unreadable' });
    const box = sealText('x', { ref: { id: 'p-1', version: 1 }, material: newDataKey() });
    expect(openSealed(box, { state: 'unreadable' })).toEqual({ status: 'unreadable' });
    expect(() => activeKey({ state: 'unreadable' })).toThrow(KeyUnreadableError);
  });
});

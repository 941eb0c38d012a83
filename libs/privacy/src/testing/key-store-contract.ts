import { randomBytes } from 'node:crypto';
import { KeyDestroyedError, KeyStore } from '../key-store';
import { sealPersonalData, unsealPersonalData } from '../personal-data';

/** What every key store must do, run against each adapter. */
export function keyStoreContract(adapter: string, open: (masterKey: Buffer) => Promise<KeyStore>) {
  describe(`KeyStore contract: ${adapter}`, () => {
    const masterKey = randomBytes(32);
    const id = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;

    it('makes one key per participant and gives the same one back, also after a reopen', async () => {
      const participant = id('p');
      const store = await open(masterKey);
      const key = await store.keyFor(participant);
      expect(key).toHaveLength(32);
      expect(await store.keyFor(participant)).toEqual(key);
      expect(await store.find(id('other'))).toBeNull();
      await store.close();
      const reopened = await open(masterKey);
      expect(await reopened.find(participant)).toEqual(key);
      await reopened.close();
    });

    it('reads nothing with another master key', async () => {
      const participant = id('p');
      const store = await open(masterKey);
      await store.keyFor(participant);
      await store.close();
      const thief = await open(randomBytes(32));
      await expect(thief.find(participant)).rejects.toThrow();
      await thief.close();
    });

    it('forgets for good: what was sealed with a destroyed key stays sealed', async () => {
      const participant = id('p');
      const store = await open(masterKey);
      const sealed = sealPersonalData({ name: 'Zelda Quistgaard' }, await store.keyFor(participant));
      expect(await store.destroy(participant)).toBe(true);
      expect(await store.destroy(participant)).toBe(false);
      expect(await store.find(participant)).toBeNull();
      await expect(store.keyFor(participant)).rejects.toThrow(KeyDestroyedError);
      expect(() => unsealPersonalData(sealed, randomBytes(32))).toThrow();
      await store.close();
      const reopened = await open(masterKey);
      await expect(reopened.keyFor(participant)).rejects.toThrow(KeyDestroyedError);
      await reopened.close();
    });

    it('keeps a tombstone for a person erased before any key was made', async () => {
      const participant = id('p');
      const store = await open(masterKey);
      expect(await store.destroy(participant)).toBe(false);
      await expect(store.keyFor(participant)).rejects.toThrow(KeyDestroyedError);
      await store.close();
    });

    it('gives every racing caller the same first key', async () => {
      const participant = id('p');
      const store = await open(masterKey);
      const keys = await Promise.all(Array.from({ length: 10 }, () => store.keyFor(participant)));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
      await store.close();
    });
  });
}

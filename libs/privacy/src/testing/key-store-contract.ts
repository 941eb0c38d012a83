import { randomBytes } from 'node:crypto';
import { AUDIT_KEY_ID } from '../data-key';
import { KeyDestroyedError, KeyStore, WrongMasterKeyError } from '../key-store';
import { openSealed } from '../open-sealed';
import { MasterKeys } from '../master-keys';
import { sealPersonalData, sealText, unsealPersonalData } from '../personal-data';

/** What every key store must do, run against each adapter. */
export function keyStoreContract(adapter: string, openWith: (masterKeys: MasterKeys) => Promise<KeyStore>) {
  describe(`KeyStore contract: ${adapter}`, () => {
    const masterKey = randomBytes(32);
    const open = (current: Buffer, previous?: Buffer) => openWith(new MasterKeys(current, previous));
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

    it('will not open with another master key', async () => {
      const store = await open(masterKey);
      await store.keyFor(id('p'));
      await store.close();
      await expect(open(randomBytes(32))).rejects.toThrow(WrongMasterKeyError);
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

    it('finds a participant by the blind index of their identity number until their key is destroyed', async () => {
      const [anna, berit, erased] = [id('p'), id('p'), id('p')];
      const digest = randomBytes(32).toString('hex');
      const store = await open(masterKey);
      expect(await store.indexIdentity(anna, digest)).toBe(false); // no key yet: nothing filed
      await Promise.all([anna, berit, erased].map((p) => store.keyFor(p)));
      expect(await store.indexIdentity(anna, digest)).toBe(true);
      expect(await store.indexIdentity(erased, digest)).toBe(true);
      expect(await store.indexIdentity(berit, randomBytes(32).toString('hex'))).toBe(true);
      expect(await store.findByIdentity(digest)).toEqual([anna, erased].sort());
      // The worklist's likely duplicates: one group for the shared number, none for a number of one.
      expect(await store.sharedIdentities()).toContainEqual([anna, erased].sort());
      expect((await store.sharedIdentities()).flat()).not.toContain(berit);

      await store.destroy(erased);
      expect(await store.findByIdentity(digest)).toEqual([anna]);
      expect((await store.sharedIdentities()).flat()).not.toContain(anna);
      // Never filed again for an erased person (a retried enrolment, a rebuild).
      expect(await store.indexIdentity(erased, digest)).toBe(false);
      expect(await store.findByIdentity(digest)).toEqual([anna]);

      // A changed number replaces the old entry.
      const changed = randomBytes(32).toString('hex');
      await store.indexIdentity(anna, changed);
      expect(await store.findByIdentity(digest)).toEqual([]);
      await store.close();
      const reopened = await open(masterKey);
      expect(await reopened.findByIdentity(changed)).toEqual([anna]);
      await reopened.close();
    });

    it('makes the keys of a batch at once: new ones made, existing kept, tombstones left, all durable', async () => {
      const [existing, erased, ...fresh] = [id('p'), id('p'), id('p'), id('p'), id('p')];
      const store = await open(masterKey);
      const kept = await store.keyFor(existing);
      await store.destroy(erased);
      expect(await store.createKeys([])).toBe(0);
      expect(await store.createKeys([existing, erased, ...fresh, fresh[0]!])).toBe(fresh.length);
      expect(await store.find(existing)).toEqual(kept);
      expect(await store.lookup(erased)).toEqual({ state: 'destroyed' });
      await expect(store.dataKeyFor(erased)).rejects.toThrow(KeyDestroyedError);
      const made = await Promise.all(fresh.map((p) => store.find(p)));
      expect(made.every((k) => k?.length === 32)).toBe(true);
      expect(new Set(made.map((k) => k!.toString('hex'))).size).toBe(fresh.length);
      expect(await store.createKeys(fresh)).toBe(0); // again: nothing new, the same keys
      await store.close();
      const reopened = await open(masterKey);
      expect(await Promise.all(fresh.map((p) => reopened.find(p)))).toEqual(made);
      expect((await reopened.dataKeyFor(fresh[0]!)).material).toEqual(made[0]);

      // The blind index in bulk: only participants with an active key are filed.
      const digest = randomBytes(32).toString('hex');
      const never = id('p');
      expect(await reopened.indexIdentities([])).toBe(0);
      expect(await reopened.indexIdentities([...fresh, erased, never].map((participantId) => ({ participantId, digest })))).toBe(fresh.length);
      expect(await reopened.findByIdentity(digest)).toEqual([...fresh].sort());
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

    it('names its keys, and tells a destroyed key from one it does not have', async () => {
      const [participant, erased, lost] = [id('p'), id('p'), id('p')];
      const store = await open(masterKey);
      const key = await store.dataKeyFor(participant);
      expect(key.ref).toEqual({ id: participant, version: 1 });
      expect(key.material).toEqual(await store.keyFor(participant));
      expect(await store.lookup(participant)).toEqual({ state: 'active', key });
      const box = sealText('Truck licence for Zelda Quistgaard', await store.dataKeyFor(erased));
      expect(box.key).toEqual({ id: erased, version: 1 });
      await store.destroy(erased);
      expect(await store.lookup(erased)).toEqual({ state: 'destroyed' });
      expect(openSealed(box, await store.lookup(erased))).toEqual({ status: 'erased' });
      // A key the store never had (or lost): missing, not erased.
      expect(await store.lookup(lost)).toEqual({ state: 'absent' });
      expect(openSealed({ ...box, key: { id: lost, version: 1 } }, await store.lookup(lost))).toEqual({ status: 'key-missing' });
      await expect(store.dataKeyFor(erased)).rejects.toThrow(KeyDestroyedError);
      await store.close();
    });

    it('keeps one installation audit key apart from the participants', async () => {
      const store = await open(masterKey);
      const audit = await store.dataKeyFor(AUDIT_KEY_ID);
      expect(audit.ref).toEqual({ id: AUDIT_KEY_ID, version: 1 });
      expect((await store.dataKeyFor(AUDIT_KEY_ID)).material).toEqual(audit.material);
      await store.close();
    });

    it('moves every key to a new master key, opening them with the old one meanwhile', async () => {
      const [kept, erased] = [id('p'), id('p')];
      const before = await open(masterKey);
      const key = await before.keyFor(kept);
      await before.keyFor(erased);
      await before.destroy(erased);
      await before.close();

      const next = randomBytes(32);
      const rotating = await open(next, masterKey);
      expect(await rotating.find(kept)).toEqual(key);
      expect(await rotating.rewrap()).toBeGreaterThanOrEqual(1);
      expect(await rotating.rewrap()).toBe(0);
      await expect(rotating.keyFor(erased)).rejects.toThrow(KeyDestroyedError);
      await rotating.close();

      const after = await open(next);
      expect(await after.find(kept)).toEqual(key);
      await after.close();
      await expect(open(masterKey)).rejects.toThrow(WrongMasterKeyError);
    });
  });
}

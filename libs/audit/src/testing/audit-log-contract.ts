import { randomBytes } from 'node:crypto';
import { AuditEntry, AuditLog, AuditPage } from '../audit-log';

export interface AuditLogUnderTest {
  log: AuditLog;
  /** Raw SQL on the underlying table, past the adapter: the database itself must refuse each. */
  tamper: {
    update(): Promise<unknown>;
    delete(): Promise<unknown>;
    /** An insert that would replace the entry with this sequence. */
    overwrite(sequence: number): Promise<unknown>;
    /** Engines that have TRUNCATE. */
    truncate?(): Promise<unknown>;
  };
}

/** What every audit log must do, run against each adapter; each open sees the same storage. */
export function auditLogContract(adapter: string, open: () => Promise<AuditLogUnderTest>) {
  describe(`AuditLog contract: ${adapter}`, () => {
    const id = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;
    const at = (second: number) => new Date(Date.UTC(2025, 2, 1, 9, 0, second)).toISOString();
    const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
      at: at(0),
      subject: id('subject'),
      role: 'caseworker',
      action: 'personal-data.read',
      participantId: id('participant'),
      projectId: id('project'),
      correlationId: id('correlation'),
      ...overrides,
    });
    const withoutSequence = (page: AuditPage) => page.entries.map(({ sequence: _, ...rest }) => rest);
    const sequences = (page: AuditPage) => page.entries.map((e) => e.sequence);

    it('gives back exactly what was recorded, in order, with rising sequences', async () => {
      const { log } = await open();
      const participantId = id('participant');
      const recorded = [entry({ participantId, at: at(2) }), entry({ participantId, at: at(1), projectId: null }), entry({ participantId, at: at(3) })];
      for (const e of recorded) await log.record(e);
      const page = await log.query({ participantId });
      expect(withoutSequence(page)).toEqual(recorded);
      expect(sequences(page)).toEqual([...sequences(page)].sort((a, b) => a - b));
      expect(new Set(sequences(page)).size).toBe(3);
      expect(page.next).toBeNull();
      await log.close();
    });

    it('filters by participant, by subject and by both', async () => {
      const { log } = await open();
      const [alice, bob] = [id('participant'), id('participant')];
      const [reader, other] = [id('subject'), id('subject')];
      const recorded = [
        entry({ participantId: alice, subject: reader }),
        entry({ participantId: bob, subject: reader }),
        entry({ participantId: alice, subject: other }),
      ];
      for (const e of recorded) await log.record(e);
      expect(withoutSequence(await log.query({ participantId: alice }))).toEqual([recorded[0], recorded[2]]);
      expect(withoutSequence(await log.query({ subject: reader }))).toEqual([recorded[0], recorded[1]]);
      expect(withoutSequence(await log.query({ participantId: alice, subject: reader }))).toEqual([recorded[0]]);
      expect((await log.query({ participantId: id('nobody') })).entries).toEqual([]);
      await log.close();
    });

    it('takes from inclusive and to exclusive, in any ISO spelling of the instant', async () => {
      const { log } = await open();
      const participantId = id('participant');
      for (const second of [0, 10, 20, 30]) await log.record(entry({ participantId, at: at(second) }));
      const between = await log.query({ participantId, from: at(10), to: at(30) });
      expect(between.entries.map((e) => e.at)).toEqual([at(10), at(20)]);
      const offset = await log.query({ participantId, from: '2025-03-01T10:00:20+01:00' });
      expect(offset.entries.map((e) => e.at)).toEqual([at(20), at(30)]);
      await expect(log.query({ participantId, from: 'yesterday' })).rejects.toThrow(RangeError);
      await expect(log.record(entry({ at: 'not a time' }))).rejects.toThrow(RangeError);
      await log.close();
    });

    it('pages through 250 entries with after, limit and next', async () => {
      const { log } = await open();
      const participantId = id('participant');
      const recorded = Array.from({ length: 250 }, (_, i) => entry({ participantId, at: at(i % 60), correlationId: `c-${i}` }));
      for (const e of recorded) await log.record(e);

      const pages: AuditPage[] = [await log.query({ participantId })];
      while (pages[pages.length - 1].next !== null) pages.push(await log.query({ participantId, after: pages[pages.length - 1].next! }));
      expect(pages.map((p) => p.entries.length)).toEqual([100, 100, 50]);
      expect(pages.flatMap(withoutSequence)).toEqual(recorded);
      expect(pages[0].next).toBe(pages[0].entries[99].sequence);

      const first = await log.query({ participantId, limit: 125 });
      const second = await log.query({ participantId, limit: 125, after: first.next! });
      expect([first.entries.length, second.entries.length, second.next]).toEqual([125, 125, null]);
      await log.close();
    });

    it('keeps the page size between 1 and 1000', async () => {
      const { log } = await open();
      const participantId = id('participant');
      await log.record(entry({ participantId }));
      for (const limit of [0, -1, 2.5, 1001]) await expect(log.query({ participantId, limit })).rejects.toThrow(RangeError);
      await expect(log.query({ participantId, after: -1 })).rejects.toThrow(RangeError);
      expect((await log.query({ participantId, limit: 1 })).entries).toHaveLength(1);
      expect((await log.query({ participantId, limit: 1000 })).entries).toHaveLength(1);
      await log.close();
    });

    it('is append-only in the database itself: raw UPDATE, DELETE and overwrites are refused', async () => {
      const { log, tamper } = await open();
      const participantId = id('participant');
      const recorded = entry({ participantId });
      await log.record(recorded);
      const [{ sequence }] = (await log.query({ participantId })).entries;
      // By message, not class: a native driver's error may come from another test file's realm.
      const refused = (attempt: Promise<unknown>) => expect(attempt).rejects.toHaveProperty('message', expect.stringMatching(/append-only/));
      await refused(tamper.update());
      await refused(tamper.delete());
      await refused(tamper.overwrite(sequence));
      if (tamper.truncate) await refused(tamper.truncate());
      expect((await log.query({ participantId })).entries).toEqual([{ ...recorded, sequence }]);
      await log.close();
    });

    it('keeps every entry across a close and reopen, and goes on numbering after them', async () => {
      const participantId = id('participant');
      const before = await open();
      await before.log.record(entry({ participantId }));
      const kept = await before.log.query({ participantId });
      await before.log.close();

      const after = await open();
      expect(await after.log.query({ participantId })).toEqual(kept);
      await after.log.record(entry({ participantId }));
      const [, added] = (await after.log.query({ participantId })).entries;
      expect(added.sequence).toBeGreaterThan(kept.entries[0].sequence);
      await after.log.close();
    });
  });
}

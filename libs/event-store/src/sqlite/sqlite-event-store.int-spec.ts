import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';
import { instantToMicros } from '../commit-time';
import { DuplicateEventIdError } from '../errors';
import { eventStoreContract } from '../testing/event-store-contract';

const dir = mkdtempSync(join(tmpdir(), 'pathway-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('sqlite', async () => new SqliteEventStore(join(dir, 'events.db')));

describe('SqliteEventStore', () => {
  const ev = (id: string, recordedAt: string) => ({ eventId: id, type: 'T', data: { id }, metadata: { recordedAt } });

  it('writes a batch of appends as the same appends one by one would: positions, versions, commit stamps', async () => {
    const appends = [
      { streamId: 'a', events: [ev('a1', '2024-01-01T08:00:00.000Z'), ev('a2', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' as const },
      { streamId: 'b', events: [ev('b1', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' as const },
      { streamId: 'a', events: [ev('a3', '2024-01-02T09:00:00.000Z')], expected: 2 },
    ];
    const oneByOne = new SqliteEventStore(join(dir, 'one-by-one.db'));
    const answers = [];
    for (const { streamId, events, expected } of appends) answers.push(await oneByOne.append(streamId, events, expected));
    const batched = new SqliteEventStore(join(dir, 'batched.db'));
    expect(await batched.appendBatch(appends)).toEqual(answers);
    expect(await batched.readAll(0, 10)).toEqual(await oneByOne.readAll(0, 10));
    await oneByOne.close();
    await batched.close();
  });

  it('writes nothing of a batch when one append in it is refused', async () => {
    const store = new SqliteEventStore(join(dir, 'refused-batch.db'));
    await expect(
      store.appendBatch([
        { streamId: 'a', events: [ev('x1', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' },
        { streamId: 'a', events: [ev('x2', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' },
      ]),
    ).rejects.toThrow('Stream a is at version 1, expected no-stream');
    expect(await store.headPosition()).toBe(0);
    await store.close();
  });

  it('answers a batched retry with the first answer and refuses an event id used by another stream', async () => {
    const store = new SqliteEventStore(join(dir, 'batch-retry.db'));
    const first = await store.append('a', [ev('r1', '2024-01-01T08:00:00.000Z'), ev('r2', '2024-01-01T08:00:00.000Z')], 'no-stream');
    // The same append again, under each kind of expectation: nothing new is written.
    const again = await store.appendBatch([
      { streamId: 'a', events: [ev('r1', '2024-01-01T08:00:00.000Z'), ev('r2', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' },
      { streamId: 'a', events: [ev('r1', '2024-01-01T08:00:00.000Z'), ev('r2', '2024-01-01T08:00:00.000Z')], expected: 'any' },
      { streamId: 'b', events: [ev('b1', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' },
    ]);
    expect(again.slice(0, 2)).toEqual([first, first]);
    expect((await store.readAll(0, 10)).map((e) => e.eventId)).toEqual(['r1', 'r2', 'b1']);
    await expect(
      store.appendBatch([
        { streamId: 'c', events: [ev('c1', '2024-01-01T08:00:00.000Z')], expected: 'no-stream' },
        { streamId: 'd', events: [ev('r2', '2024-01-01T08:00:00.000Z')], expected: 'any' },
      ]),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.headPosition()).toBe(3);
    await store.close();
  });

  it('keeps events across a reopen of the file', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteEventStore(path);
    await first.append('s', [{ eventId: 'e-1', type: 'T', data: { a: 1 }, metadata: {} }], 'no-stream');
    await first.close();

    const second = new SqliteEventStore(path);
    expect((await second.readStream('s')).map((e) => e.data)).toEqual([{ a: 1 }]);
    await second.close();
  });

  it('sees appends made through another connection to the same file, in order', async () => {
    const path = join(dir, 'shared.db');
    const writer = new SqliteEventStore(path);
    const reader = new SqliteEventStore(path, { pollIntervalMs: 20 });
    const seen: string[] = [];
    const subscription = reader.subscribe(0, (e) => {
      seen.push(e.eventId);
    });
    for (let i = 0; i < 5; i++) await writer.append('s', [{ eventId: `e-${i}`, type: 'T', data: {}, metadata: {} }], i);
    const deadline = Date.now() + 5000;
    while (seen.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await subscription.stop();
    expect(seen).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4']);
    await writer.close();
    await reader.close();
  });

  describe('commit times across processes whose clocks differ', () => {
    const event = (id: string) => ({ eventId: id, type: 'T', data: {}, metadata: { recordedAt: new Date().toISOString() } });

    it('stamps appends in position order even when a writer\'s clock is a minute behind', async () => {
      const path = join(dir, 'skewed.db');
      const right = new SqliteEventStore(path);
      const behind = new SqliteEventStore(path, { clock: () => Date.now() - 60_000 });
      await right.append('s', [event('r-1')], 'no-stream');
      await behind.append('s', [event('b-1')], 1);
      await right.append('s', [event('r-2')], 2);
      const log = await right.readAll(0, 10);
      expect(log.map((e) => e.eventId)).toEqual(['r-1', 'b-1', 'r-2']);
      expect(log.every((e, i) => i === 0 || instantToMicros(e.committedAt) > instantToMicros(log[i - 1]!.committedAt))).toBe(true);
      await right.close();
      await behind.close();
    });

    it('keeps a report\'s cut-off once it has been taken, whatever the clock of the next writer', async () => {
      const path = join(dir, 'cut-off.db');
      const replicaA = new SqliteEventStore(path);
      const replicaB = new SqliteEventStore(path, { clock: () => Date.now() - 60_000 });
      await replicaA.append('s', [event('a-1')], 'no-stream');
      const asKnownOn = new Date(Date.now() + 1).toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const counted = await replicaA.cutOffAt(asKnownOn);
      // B's clock says a minute ago: without the store's own commit clock this event would count as known on K.
      await replicaB.append('s', [event('b-1')], 1);
      expect(await replicaA.cutOffAt(asKnownOn)).toBe(counted);
      expect(await replicaB.cutOffAt(asKnownOn)).toBe(counted);
      const [, late] = await replicaA.readStream('s');
      expect(instantToMicros(late!.committedAt)).toBeGreaterThan(instantToMicros(asKnownOn));
      await replicaA.close();
      await replicaB.close();
    });

    it('keeps the recording times of history appended in order (the demo, an import), never before a later stamp', async () => {
      const store = new SqliteEventStore(join(dir, 'history.db'));
      const at = (id: string, recordedAt: string) => ({ eventId: id, type: 'T', data: {}, metadata: { recordedAt } });
      await store.append('h', [at('h-1', '2024-01-10T09:00:00.000Z')], 'no-stream');
      await store.append('h', [at('h-2', '2024-02-10T09:00:00.000Z')], 1);
      await store.append('h', [at('h-3', '2999-01-01T00:00:00.000Z')], 2); // a clock far ahead is capped by the store's
      await store.append('h', [at('h-4', '2024-03-10T09:00:00.000Z')], 3); // out of order: after the last stamp
      const log = await store.readAll(0, 10);
      expect(log.slice(0, 2).map((e) => e.committedAt)).toEqual(['2024-01-10T09:00:00.000000Z', '2024-02-10T09:00:00.000000Z']);
      expect(instantToMicros(log[2]!.committedAt)).toBeLessThanOrEqual(Date.now() * 1000);
      expect(instantToMicros(log[3]!.committedAt)).toBe(instantToMicros(log[2]!.committedAt) + 1);
      expect(await store.cutOffAt('2024-01-31T23:59:59.999Z')).toBe(log[0]!.position);
      await store.close();
    });

    it('gives a log written before commit times existed stamps from its recording times, in order', async () => {
      const path = join(dir, 'old-format.db');
      const old = new Database(path);
      old.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,
        event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, stream_version))`);
      const insert = old.prepare('INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
      insert.run('s', 1, 'o-1', 'T', '{}', JSON.stringify({ recordedAt: '2025-01-01T10:00:00.000Z' }));
      insert.run('s', 2, 'o-2', 'T', '{}', JSON.stringify({ recordedAt: '2025-01-01T09:00:00.000Z' })); // another replica's slow clock
      insert.run('s', 3, 'o-3', 'T', '{}', JSON.stringify({ recordedAt: '2025-01-02T10:00:00.000Z' }));
      old.close();

      const store = new SqliteEventStore(path);
      const log = await store.readAll(0, 10);
      expect(log.map((e) => e.committedAt)).toEqual(['2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000001Z', '2025-01-02T10:00:00.000000Z']);
      expect(await store.cutOffAt('2025-01-01T23:59:59.999Z')).toBe(2);
      await store.append('s', [event('n-4')], 3);
      expect(instantToMicros((await store.readStream('s'))[3]!.committedAt)).toBeGreaterThan(instantToMicros(log[2]!.committedAt));
      await store.close();
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { eventStoreContract } from '../testing/event-store-contract';

const dir = mkdtempSync(join(tmpdir(), 'pathway-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('sqlite', async () => new SqliteEventStore(join(dir, 'events.db')));

describe('SqliteEventStore', () => {
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
});

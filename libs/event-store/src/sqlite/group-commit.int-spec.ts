import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';
import { WrongExpectedVersionError } from '../errors';

const dir = mkdtempSync(join(tmpdir(), 'pathway-group-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ev = (id: string) => ({ eventId: id, type: 'T', data: { id }, metadata: { recordedAt: '2026-01-01T08:00:00.000Z' } });

describe('SqliteEventStore group commit', () => {
  it('answers each append of a group on its own: a refused append fails alone and writes nothing', async () => {
    const store = new SqliteEventStore(join(dir, 'alone.db'));
    // Not awaited one by one: all three are queued in the same turn and committed together.
    const outcomes = await Promise.allSettled([
      store.append('a', [ev('a1'), ev('a2')], 'no-stream'),
      store.append('a', [ev('a-late')], 'no-stream'),
      store.append('b', [ev('b1')], 'no-stream'),
      store.append('a', [ev('a3')], 2),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((outcomes[3] as PromiseFulfilledResult<unknown>).value).toEqual({ streamVersion: 3, position: 4 });
    expect((await store.readAll(0, 10)).map((e) => [e.streamId, e.streamVersion, e.eventId])).toEqual([
      ['a', 1, 'a1'],
      ['a', 2, 'a2'],
      ['b', 1, 'b1'],
      ['a', 3, 'a3'],
    ]);
    await store.close();
  });

  it('writes appends queued together as one commit: one set of pages in the write-ahead log, not one per append', async () => {
    // Each commit appends every page it changed to the WAL (events, its indexes, the commit clock),
    // so the WAL's size counts commits without looking inside the store.
    const walBytes = async (appendAll: (store: SqliteEventStore) => Promise<unknown>) => {
      const path = join(dir, `wal-${Math.random()}.db`);
      const store = new SqliteEventStore(path);
      await appendAll(store);
      const bytes = statSync(`${path}-wal`).size;
      await store.close();
      return bytes;
    };
    const streams = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const oneByOne = await walBytes(async (store) => {
      for (const s of streams) await store.append(s, [ev(`${s}-1`)], 'no-stream');
    });
    const together = await walBytes((store) => Promise.all(streams.map((s) => store.append(s, [ev(`${s}-2`)], 'no-stream'))));
    expect(together * 5).toBeLessThan(oneByOne);
  });

  it('answers a retry queued beside its first attempt with the first result', async () => {
    const store = new SqliteEventStore(join(dir, 'retry.db'));
    const [first, retry] = await Promise.all([store.append('a', [ev('r1')], 'no-stream'), store.append('a', [ev('r1')], 'no-stream')]);
    expect(retry).toEqual(first);
    expect(await store.headPosition()).toBe(1);
    await store.close();
  });

  it('commits what is queued when the store is closed', async () => {
    const path = join(dir, 'close.db');
    const store = new SqliteEventStore(path);
    const appended = store.append('a', [ev('c1')], 'no-stream');
    await store.close();
    await expect(appended).resolves.toEqual({ streamVersion: 1, position: 1 });
    const reopened = new SqliteEventStore(path);
    expect(await reopened.headPosition()).toBe(1);
    await reopened.close();
  });

  it('loses no answered append and duplicates none when 50 writers are killed with SIGKILL mid-write', async () => {
    const path = join(dir, 'killed.db');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'group-commit-writers.fixture.ts'), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    let refused = 0;
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writers exited early: ${code ?? signal}`))));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'refused') refused++;
        else acked.push(line.slice('ack '.length));
        if (acked.length === 2000) child.kill('SIGKILL');
      });
    });
    expect(refused).toBeGreaterThan(0); // the shared stream was contended

    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare<[], { stream_id: string; stream_version: number; event_id: string }>('SELECT stream_id, stream_version, event_id FROM events ORDER BY position').all();
    db.close();
    const written = new Set(rows.map((r) => r.event_id));
    expect(acked.filter((id) => !written.has(id))).toEqual([]); // every answered append is on disk
    expect(written.size).toBe(rows.length); // no event twice
    const versions = new Map<string, number>();
    for (const row of rows) {
      expect(row.stream_version).toBe((versions.get(row.stream_id) ?? 0) + 1); // each stream gap-free, in order
      versions.set(row.stream_id, row.stream_version);
    }
  }, 120_000);
});

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retryWhileBusy, SQLITE_BUSY_TIMEOUT_MS } from './retry-while-busy';
import { classifyStorageError } from './storage-failure';

/** Real errors from real SQLite files, classified; and busy waits that leave the event loop free. */
describe('storage failures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-storage-'));
  const file = join(dir, 'store.db');
  const open = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    db.exec('CREATE TABLE IF NOT EXISTS t (x TEXT)');
    return db;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const errorOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return error;
    }
    throw new Error('did not throw');
  };

  it('names a lock held by another connection STORAGE.BUSY, a read-only store STORAGE.READ_ONLY, a broken file STORAGE.UNAVAILABLE', () => {
    const holder = open();
    const writer = open();
    holder.exec('BEGIN EXCLUSIVE');
    expect(classifyStorageError(errorOf(() => writer.exec('BEGIN IMMEDIATE')))).toEqual({ code: 'STORAGE.BUSY', cause: 'SQLITE_BUSY' });
    holder.exec('ROLLBACK');

    const readOnly = new Database(file, { readonly: true });
    expect(classifyStorageError(errorOf(() => readOnly.exec("INSERT INTO t VALUES ('a')")))).toMatchObject({ code: 'STORAGE.READ_ONLY' });

    const notADb = join(dir, 'not-a-db');
    writeFileSync(notADb, 'this is not an SQLite file, it is long enough to have a header'.repeat(20));
    expect(classifyStorageError(errorOf(() => new Database(notADb).exec('SELECT * FROM sqlite_master')))).toMatchObject({ code: 'STORAGE.UNAVAILABLE', cause: 'SQLITE_NOTADB' });
    for (const db of [holder, writer, readOnly]) db.close();
  });

  it('leaves other errors alone: a bug stays a bug', () => {
    expect(classifyStorageError(new TypeError('x is undefined'))).toBeNull();
    const db = open();
    expect(classifyStorageError(errorOf(() => db.exec('SELEC nonsense')))).toBeNull();
    db.close();
  });

  it('classifies PostgreSQL and network failures by code', () => {
    const pg = (code: string) => Object.assign(new Error('from the server'), { code, severity: 'ERROR' });
    expect(classifyStorageError(pg('53100'))).toEqual({ code: 'STORAGE.FULL', cause: 'SQLSTATE 53100' });
    expect(classifyStorageError(pg('25006'))).toEqual({ code: 'STORAGE.READ_ONLY', cause: 'SQLSTATE 25006' });
    expect(classifyStorageError(pg('3D000'))).toEqual({ code: 'STORAGE.UNAVAILABLE', cause: 'SQLSTATE 3D000' });
    expect(classifyStorageError(pg('55P03'))).toEqual({ code: 'STORAGE.BUSY', cause: 'SQLSTATE 55P03' });
    expect(classifyStorageError(pg('22021'))).toBeNull(); // the data's fault, not the store's
    expect(classifyStorageError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual({ code: 'STORAGE.UNAVAILABLE', cause: 'ECONNREFUSED' });
  });

  it('waits for a lock between attempts, with the event loop free, and gives up in time', async () => {
    const holder = open();
    const writer = open();
    const insert = writer.prepare("INSERT INTO t VALUES ('b')");
    holder.exec('BEGIN EXCLUSIVE');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    await expect(retryWhileBusy(() => insert.run(), { withinMs: 500 })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1500);
    // With SQLite's own 5 s busy_timeout the loop would not have ticked at all.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);

    setTimeout(() => holder.exec('ROLLBACK'), 100);
    await expect(retryWhileBusy(() => insert.run())).resolves.toMatchObject({ changes: 1 });
    clearInterval(ticker);
    holder.close();
    writer.close();
  });
});

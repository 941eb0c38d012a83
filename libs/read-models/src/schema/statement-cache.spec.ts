import Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  let database: Database.Database;
  beforeEach(() => {
    database = new Database(':memory:');
    database.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
  });
  afterEach(() => {
    if (database.open) database.close();
  });

  it('hands out the statement prepared for a text again', () => {
    const cached = withStatementCache(database);
    expect(cached.prepare('SELECT n FROM t')).toBe(cached.prepare('SELECT n FROM t'));
    expect(cached.prepare('SELECT n FROM t WHERE n > ?').all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(cached.prepare('SELECT n FROM t WHERE n > ?').all([2])).toEqual([{ n: 3 }]);
  });

  it('prepares afresh while the kept statement is busy iterating (a streamed query)', () => {
    const cached = withStatementCache(database);
    const seen: number[] = [];
    for (const row of cached.prepare('SELECT n FROM t').iterate([]) as IterableIterator<{ n: number }>) {
      seen.push(...(cached.prepare('SELECT n FROM t').all([]) as Array<{ n: number }>).map((r) => r.n * 10 + row.n));
    }
    expect(seen).toEqual([11, 21, 31, 12, 22, 32, 13, 23, 33]);
  });

  it('keeps at most `limit` texts, dropping the least recently used', () => {
    const cached = withStatementCache(database, 2);
    const a = cached.prepare('SELECT 1');
    const b = cached.prepare('SELECT 2');
    expect(cached.prepare('SELECT 1')).toBe(a); // now 'SELECT 2' is the least recent
    cached.prepare('SELECT 3');
    expect(cached.prepare('SELECT 1')).toBe(a);
    expect(cached.prepare('SELECT 2')).not.toBe(b);
  });

  it('closes the connection', () => {
    withStatementCache(database).close();
    expect(database.open).toBe(false);
  });
});

import Database from 'better-sqlite3';
import { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; multi-row inserts vary in length, so the set is bounded. */
const STATEMENTS_KEPT = 256;

/**
 * `database` as Kysely's SQLite dialect sees it, with each SQL text prepared once. Kysely
 * prepares every query afresh: in the HTTP bench's profile that preparing was about a quarter
 * of the live projection's time. A statement still busy in an `iterate` (a streamed query) is
 * not handed out again: the caller gets a fresh one. Statements die with the connection.
 * Least recently used texts are dropped first past `limit`.
 */
export function withStatementCache(database: Database.Database, limit = STATEMENTS_KEPT): SqliteDatabase {
  const prepared = new Map<string, Database.Statement>();
  return {
    close: () => {
      prepared.clear();
      database.close();
    },
    prepare: (sql) => {
      const kept = prepared.get(sql);
      if (kept?.busy) return database.prepare(sql);
      const statement = kept ?? database.prepare(sql);
      // Re-inserting moves the text to the end: the Map's order is the recency order.
      prepared.delete(sql);
      prepared.set(sql, statement);
      if (prepared.size > limit) prepared.delete(prepared.keys().next().value!);
      return statement;
    },
  };
}

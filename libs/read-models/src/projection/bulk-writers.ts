import type { Database, Statement } from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ReadModelSchema } from '../schema/read-model-schema';
import { ReadModelDriver } from '../schema/open-read-model-db';
import { storable } from '../schema/postgres-text';

/**
 * What to do with a row whose key is already there: keep the old one, or replace every other
 * column; `none` for a table that has no key yet (the timeline during a rebuild's load).
 */
export type OnConflict = 'skip' | 'replace' | 'none';

/**
 * A rebuild's writes, on each engine's fastest path, in the caller's transaction. Rows are the
 * shapes of rows.ts and batch-changes.ts, all of one table and with the same keys; the column
 * list is taken from the first. Through Kysely, compiling and preparing a multi-row statement of
 * 30,000 values anew for every chunk was most of a rebuild's time (README, Benchmarks).
 */
export interface BulkWriter {
  insert(trx: Kysely<ReadModelSchema>, table: string, key: string, rows: object[], onConflict: OnConflict): Promise<void>;
  /** After the load, before the tables are read back: statistics for the planner, where it needs them. */
  analyze(trx: Kysely<ReadModelSchema>, tables: string[]): Promise<void>;
  /**
   * The key left out for the load (create-tables.ts): PostgreSQL's primary key as a fresh table
   * has it; SQLite cannot add one to a table, so a unique index (which is how SQLite keeps a
   * text primary key anyway). Fails if the log held an event id twice.
   */
  addKey(trx: Kysely<ReadModelSchema>, table: string, column: string, tag: string): Promise<void>;
}

export const bulkWriter = (driver: ReadModelDriver): BulkWriter =>
  driver.engine === 'sqlite' ? sqliteWriter(driver.database) : postgresWriter(driver.clients);

const conflictClause = (key: string, columns: string[], onConflict: OnConflict, quote: (name: string) => string): string =>
  onConflict === 'none'
    ? ''
    : onConflict === 'skip'
    ? `ON CONFLICT (${quote(key)}) DO NOTHING`
    : `ON CONFLICT (${quote(key)}) DO UPDATE SET ${columns
        .filter((c) => c !== key)
        .map((c) => `${quote(c)} = excluded.${quote(c)}`)
        .join(', ')}`;

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * SQLite: statements prepared once per rebuild and run row by row on the connection Kysely's
 * transaction holds (better-sqlite3 is synchronous, so nothing else runs in between). A row
 * costs a bind and a step, with no SQL text built, parsed or planned.
 */
function sqliteWriter(database: Database): BulkWriter {
  const statements = new Map<string, Statement>();
  const prepared = (text: string): Statement => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = database.prepare(text)));
    return statement;
  };
  return {
    insert: async (_trx, table, key, rows, onConflict) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const statement = prepared(
        `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
          conflictClause(key, columns, onConflict, quoted),
      );
      for (const row of rows) statement.run(row);
    },
    // SQLite plans the key-range reads by the index without statistics.
    analyze: async () => undefined,
    addKey: async (_trx, table, column, tag) => void database.exec(`CREATE UNIQUE INDEX ${quoted(`ux_${tag}_${table.replace(/^next_/, '')}_key`)} ON ${quoted(table)} (${quoted(column)})`),
  };
}

/** `unique_violation`: a key already there. */
const UNIQUE_VIOLATION = '23505';

/**
 * PostgreSQL: new rows go in by `COPY ... FROM STDIN` on the connection the transaction holds
 * (found by its server process id), about twice as fast as a multi-row statement (measured);
 * COPY cannot skip a key already there, so if one is (a participant enrolled twice), that batch
 * falls back, from a savepoint, to the statement below. Upserts (the derived rows, pending
 * retractions) are one statement per table and batch whose only parameter is the rows as a JSON
 * array, expanded by `json_populate_recordset` into the table's own row type (so no column type
 * is defined twice).
 */
function postgresWriter(clients: Map<number, PoolClient>): BulkWriter {
  const insertJson = async (trx: Kysely<ReadModelSchema>, table: string, key: string, rows: object[], onConflict: OnConflict) => {
    const target = sql.table(table);
    await sql`INSERT INTO ${target} SELECT * FROM json_populate_recordset(NULL::${target}, ${asJson(rows)}::json) ${sql.raw(
      conflictClause(key, Object.keys(rows[0]!), onConflict, quoted),
    )}`.execute(trx);
  };
  return {
    insert: async (trx, table, key, rows, onConflict) => {
      if (rows.length === 0) return;
      if (onConflict === 'replace') return insertJson(trx, table, key, rows, onConflict);
      const { rows: held } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
      const client = clients.get(held[0]!.pid);
      if (!client) return insertJson(trx, table, key, rows, onConflict);
      const columns = Object.keys(rows[0]!);
      const copy = () => pipeline(Readable.from(copyText(rows, columns)), client.query(copyFrom(`COPY ${quoted(table)} (${columns.map(quoted).join(', ')}) FROM STDIN`)));
      if (onConflict === 'none') return copy();
      await sql`SAVEPOINT bulk_copy`.execute(trx);
      try {
        await copy();
        await sql`RELEASE SAVEPOINT bulk_copy`.execute(trx);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await sql`ROLLBACK TO SAVEPOINT bulk_copy`.execute(trx);
        await insertJson(trx, table, key, rows, onConflict);
      }
    },
    // Freshly loaded tables have no statistics: without them the key-range reads of the
    // derivation were planned as sequential scans, one per round.
    analyze: async (trx, tables) => void (await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx)),
    addKey: async (trx, table, column) => void (await sql`ALTER TABLE ${sql.table(table)} ADD PRIMARY KEY (${sql.ref(column)})`.execute(trx)),
  };
}

/** COPY's text format, in chunks of rows: tab between columns, `\N` for null, backslash escapes; NUL as in postgres-text.ts. */
function* copyText(rows: object[], columns: string[], chunk = 1000): Generator<string> {
  for (let i = 0; i < rows.length; i += chunk) {
    let text = '';
    for (const row of rows.slice(i, i + chunk)) {
      const values = row as Record<string, unknown>;
      text += columns.map((c) => copyValue(values[c])).join('\t') + '\n';
    }
    yield text;
  }
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(storable(value));
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : text;
}

/**
 * JSON text of the rows. PostgreSQL text cannot hold NUL, which JSON writes as `\u0000`: the
 * driver's replacement (postgres-text.ts) never sees it inside the JSON, so it is made here,
 * only when one is there.
 */
function asJson(rows: object[]): string {
  const text = JSON.stringify(rows);
  return text.includes('\\u0000') ? JSON.stringify(rows, (_key, value: unknown) => storable(value)) : text;
}

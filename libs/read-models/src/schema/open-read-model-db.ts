import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pool, PoolClient, types } from 'pg';
import { SQLITE_BUSY_TIMEOUT_MS } from '@pathway/event-store';
import { replaceNulInParameters } from './postgres-text';
import { ReadModelSchema } from './read-model-schema';
import { withStatementCache } from './statement-cache';

export type ReadModelDbConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface ReadModelDbOptions {
  /**
   * How long an SQLite statement waits for a lock, blocking its thread (ms). Short on the API's
   * event loop (callers retry off the loop); a rebuild worker thread may wait longer.
   */
  busyTimeoutMs?: number;
}

export interface ReadModelDb {
  engine: ReadModelDbConfig['engine'];
  db: Kysely<ReadModelSchema>;
}

const INT8_OID = 20;

/** The driver under a Kysely instance opened here: a rebuild writes through it directly (see bulk-writers.ts). */
export type ReadModelDriver =
  | { engine: 'sqlite'; database: Database.Database }
  /** `clients`: the pool's open connections by server process id, to find the one a transaction holds. */
  | { engine: 'postgres'; clients: Map<number, PoolClient> };
const drivers = new WeakMap<Kysely<ReadModelSchema>, ReadModelDriver>();

/** The engine (and SQLite's connection) of `db`; undefined for a Kysely instance not opened by `openReadModelDb`. */
export const readModelDriver = (db: Kysely<ReadModelSchema>): ReadModelDriver | undefined => drivers.get(db);

/** One query layer (Kysely) over either engine; above this line only a rebuild's bulk writes know which one runs (`readModelDriver`). */
export function openReadModelDb(config: ReadModelDbConfig, options: ReadModelDbOptions = {}): ReadModelDb {
  if (config.engine === 'postgres') {
    // Positions and counts are bigint in PostgreSQL; they fit a JavaScript number.
    const pgTypes = {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    };
    const pool = new Pool({ connectionString: config.url, max: 5, types: pgTypes });
    // An idle connection the server closes (a restart, a dropped database) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on('error', () => undefined);
    // A connection checked out (between a transaction's queries) has no pool listener: without one,
    // the server terminating it (a dropped database) is an unhandled 'error' that ends the process.
    pool.on('connect', (client) => client.on('error', () => undefined));
    replaceNulInParameters(pool);
    const clients = new Map<number, PoolClient>();
    pool.on('connect', (client) => {
      const pid = (client as PoolClient & { processID: number }).processID;
      clients.set(pid, client);
      client.on('end', () => clients.delete(pid));
    });
    const db = new Kysely<ReadModelSchema>({ dialect: new PostgresDialect({ pool }) });
    drivers.set(db, { engine: 'postgres', clients });
    return { engine: 'postgres', db };
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const database = new Database(config.file);
  database.pragma('journal_mode = WAL');
  // Read models can always be rebuilt from the log, and the checkpoint commits with the data,
  // so a lost last transaction after a power cut is replayed, never half-applied.
  database.pragma('synchronous = NORMAL');
  database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma('cache_size = -32768'); // 32 MiB: rebuilds insert into large indexes
  const db = new Kysely<ReadModelSchema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  drivers.set(db, { engine: 'sqlite', database });
  return { engine: 'sqlite', db };
}

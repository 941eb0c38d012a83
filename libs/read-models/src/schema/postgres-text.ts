import { Pool, PoolClient } from 'pg';

/** U+FFFD, the replacement character: shows that something unstorable stood there. */
const REPLACEMENT = '\uFFFD';

export const storable = (value: unknown) => (typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', REPLACEMENT) : value);

/**
 * PostgreSQL text cannot hold NUL (SQLSTATE 22021); SQLite's can, and the log keeps whatever
 * was recorded. One NUL in a retraction reason stopped the PostgreSQL projection for every
 * project, also on rebuild. Read models are derived, so each connection of the pool writes NUL
 * as U+FFFD there; the log keeps the original, and live and replay still agree. (At the driver,
 * where the parameters are a flat array: a check per string, no query tree rebuilt.)
 */
export function replaceNulInParameters(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) =>
      Array.isArray(values) ? query(text, values.map(storable), ...rest) : query(text, values, ...rest);
  });
}

/**
 * What went wrong with a store, in words an operator acts on. Engines say the same things in
 * different ways (SQLite result codes, PostgreSQL SQLSTATEs, Node socket errors); the API
 * answers each kind with one stable code and never with a bare 500.
 */
export type StorageFailureCode = 'STORAGE.BUSY' | 'STORAGE.FULL' | 'STORAGE.READ_ONLY' | 'STORAGE.UNAVAILABLE';

export interface StorageFailure {
  code: StorageFailureCode;
  /** The engine's own code (`SQLITE_BUSY`, `SQLSTATE 53100`, `ECONNREFUSED`): safe to log, it quotes no data. */
  cause: string;
}

/** What each failure means and what helps, for logs, problem titles and projection status. */
export const STORAGE_FAILURE_TITLES: Record<StorageFailureCode, string> = {
  'STORAGE.BUSY': 'The store is locked by another program just now; try again after Retry-After seconds',
  'STORAGE.FULL': 'The store has no space left; nothing was written',
  'STORAGE.READ_ONLY': 'The store is read-only; nothing was written',
  'STORAGE.UNAVAILABLE': 'The store does not answer; nothing was written',
};

// PostgreSQL error codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
const PG_BUSY = new Set(['55P03', '40P01', '40001', '53300', '57014']);
const PG_FULL = new Set(['53100', '53200']);
const PG_READ_ONLY = new Set(['25006']);
const PG_UNAVAILABLE_CLASSES = ['08', '57P', '3D', '58'];
const PG_UNAVAILABLE = new Set(['42P01', '3F000']);
const NODE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/**
 * Classifies an error thrown by better-sqlite3, node-postgres or the file system; answers null
 * for anything that is not a storage failure (a bug, a domain error), which stays a 500.
 */
export function classifyStorageError(error: unknown): StorageFailure | null {
  // Duck-typed: errors from Node's core can come from another realm (a worker, a test runner's sandbox).
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') {
    // node-postgres says a dropped connection only in words.
    return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(String(message ?? ''))
      ? { code: 'STORAGE.UNAVAILABLE', cause: 'connection lost' }
      : null;
  }
  if (code.startsWith('SQLITE_')) return classifySqlite(code);
  if (/^[0-9A-Z]{5}$/.test(code) && 'severity' in error) return classifyPostgres(code);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return { code: 'STORAGE.FULL', cause: code };
  if (code === 'EROFS') return { code: 'STORAGE.READ_ONLY', cause: code };
  if (NODE_UNAVAILABLE.has(code)) return { code: 'STORAGE.UNAVAILABLE', cause: code };
  return null;
}

function classifySqlite(code: string): StorageFailure | null {
  const primary = code.split('_').slice(0, 2).join('_');
  switch (primary) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'STORAGE.BUSY', cause: code };
    case 'SQLITE_FULL':
      return { code: 'STORAGE.FULL', cause: code };
    case 'SQLITE_READONLY':
      return { code: 'STORAGE.READ_ONLY', cause: code };
    case 'SQLITE_IOERR':
      return { code: 'STORAGE.UNAVAILABLE', cause: code };
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
    case 'SQLITE_PERM':
      return { code: 'STORAGE.UNAVAILABLE', cause: code };
    default:
      return null;
  }
}

function classifyPostgres(sqlState: string): StorageFailure | null {
  const cause = `SQLSTATE ${sqlState}`;
  if (PG_BUSY.has(sqlState)) return { code: 'STORAGE.BUSY', cause };
  if (PG_FULL.has(sqlState)) return { code: 'STORAGE.FULL', cause };
  if (PG_READ_ONLY.has(sqlState)) return { code: 'STORAGE.READ_ONLY', cause };
  if (PG_UNAVAILABLE.has(sqlState) || PG_UNAVAILABLE_CLASSES.some((c) => sqlState.startsWith(c))) return { code: 'STORAGE.UNAVAILABLE', cause };
  return null;
}

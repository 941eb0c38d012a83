import { setTimeout as sleep } from 'node:timers/promises';
import { classifyStorageError } from './storage-failure';

/**
 * SQLite's own busy handler sleeps inside the call, and better-sqlite3 calls are synchronous:
 * a 5 s `busy_timeout` froze the whole event loop for 5 s whenever a backup tool or an
 * analyst's SQLite browser held a lock. So stores keep SQLite's wait short (this many ms) and
 * wait longer here, between attempts, with the event loop free.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 20;

export interface BusyRetryOptions {
  /** Give up after about this long in total (ms); the caller then answers 503 STORAGE.BUSY. */
  withinMs?: number;
  /** First pause between attempts (ms); doubles each time, up to 250 ms. */
  firstPauseMs?: number;
}

/**
 * Runs `attempt` (a synchronous SQLite statement or transaction) and, while the store answers
 * busy or locked, tries again after a growing pause; any other error, or still busy after
 * `withinMs`, is thrown as it came.
 */
export async function retryWhileBusy<T>(attempt: () => T, { withinMs = 2000, firstPauseMs = 5 }: BusyRetryOptions = {}): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, 250)) {
    try {
      return attempt();
    } catch (error) {
      if (classifyStorageError(error)?.code !== 'STORAGE.BUSY' || Date.now() + pause > deadline) throw error;
      await sleep(pause);
    }
  }
}

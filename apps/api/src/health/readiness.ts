import { randomUUID } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyStorageError, StorageFailureCode } from '@pathway/event-store';

export type CheckResult = { status: 'up'; [detail: string]: unknown } | { status: 'down'; code: StorageFailureCode | 'STORAGE.TIMEOUT' | 'SERVER.ERROR'; cause: string };

/**
 * Runs one dependency check with a deadline (a hung connection must not hang the probe) and
 * turns its failure into a storage code and the engine's cause: never a message, which could
 * quote data.
 */
export async function check(probe: () => Promise<Record<string, unknown> | void>, timeoutMs = 2000): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', code: 'STORAGE.TIMEOUT', cause: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([probe().then((details) => ({ status: 'up' as const, ...(details ?? {}) })), timeout]);
  } catch (error) {
    const failure = classifyStorageError(error);
    return failure ? { status: 'down', code: failure.code, cause: failure.cause } : { status: 'down', code: 'SERVER.ERROR', cause: error instanceof Error ? error.name : 'unknown' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The embedded write path: can a file be written in DATA_DIR right now? A full disk (ENOSPC) or
 * a read-only mount (EROFS) shows here before a caseworker's write fails on it.
 */
export async function probeDataDir(dataDir: string): Promise<void> {
  const probe = join(dataDir, `.write-probe-${randomUUID()}`);
  try {
    await writeFile(probe, Buffer.alloc(16 * 1024), { flush: true });
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}

import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { takeBackup, verifyBackup } from '@pathway/backup';
import { SqliteEventStore } from '@pathway/event-store';
import { MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { milestoneEvents, newStreamId } from './events';
import { perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const BATCH = 1_000;

/**
 * `pathway backup` (SQLite backup API, checksums, manifest) and the checks of `pathway restore`
 * on a log of N events, against the same file copied with `fs.copyFileSync` (the disk's limit
 * for taking it, with no consistency at all) and read once for its SHA-256.
 */
export async function backupStores(): Promise<Measurement[]> {
  const dir = tempDir('backup');
  try {
    const count = scaled(100) * BATCH;
    progress(`backup: a log of ${count} events, backed up and verified, against a plain file copy`);
    const data = join(dir.path, 'data');
    const store = new SqliteEventStore(join(data, 'events.db'), { synchronous: 'NORMAL' });
    for (let i = 0; i < count / BATCH; i++) {
      const streamId = newStreamId();
      await store.append(streamId, milestoneEvents(streamId, BATCH), 'no-stream');
    }
    await store.close();
    const keys = new SqliteKeyStore(join(data, 'keys.db'), new MasterKeys(randomBytes(32)));
    for (let i = 0; i < 1_000; i++) await keys.keyFor(`p-${i}`);
    await keys.close();

    const copyStart = performance.now();
    mkdirSync(join(dir.path, 'copy'));
    copyFileSync(join(data, 'events.db'), join(dir.path, 'copy', 'events.db'));
    const copyMs = performance.now() - copyStart;

    const backupStart = performance.now();
    await takeBackup({ dataDir: data, out: join(dir.path, 'backup'), toolVersion: 'bench' });
    const backupMs = performance.now() - backupStart;
    const verifyStart = performance.now();
    await verifyBackup(join(dir.path, 'backup'));
    const verifyMs = performance.now() - verifyStart;

    return [
      {
        name: 'pathway backup (log + 1,000 keys + manifest)',
        value: perSecond(count, backupMs),
        unit: 'events/s',
        baseline: { label: 'fs.copyFileSync of events.db', value: perSecond(count, copyMs) },
        details: { events: count, backupMs: Math.round(backupMs), copyMs: Math.round(copyMs) },
      },
      {
        name: 'pathway restore checks (head, identity, erasures, SHA-256)',
        value: perSecond(count, verifyMs),
        unit: 'events/s',
        baseline: { label: 'fs.copyFileSync of events.db', value: perSecond(count, copyMs) },
        details: { events: count, verifyMs: Math.round(verifyMs) },
      },
    ];
  } finally {
    dir.remove();
  }
}

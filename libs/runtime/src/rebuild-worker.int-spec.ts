import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRebuildWorker } from './rebuild-worker';

describe('a rebuild worker', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-rebuild-heap-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops at its heap limit with an error its job can show, and the process goes on', async () => {
    // Far below what the worker needs to load the rebuild: only the limit can stop it.
    const settings = { EVENT_STORE: 'sqlite', DATA_DIR: dataDir, READ_MODEL_DB: 'sqlite', REBUILD_HEAP_MB: 4 } as const;
    const progress: unknown[] = [];
    await expect(startRebuildWorker(settings, (p) => progress.push(p)).result).rejects.toThrow(/memory limit/);
    expect(progress).toEqual([]);
  });
});

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CommandDependencies, recordMilestone } from '@pathway/application';
import { generateDemo } from '@pathway/demo';
import { Milestone, toIsoDate } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { ensureSchema, LIVE_PROJECTION, LIVE_TABLES, LiveFollower, openReadModelDb, ProjectionRunner } from '@pathway/read-models';
import { latencies, perSecond, progress, SCALE, tempDir } from './measure';
import { Measurement } from './report';

const RATE = 200; // appends per second, open loop
const POLL_MS = 50; // PROJECTION_POLL_MS's default
const CHECK_EVERY_MS = 2;
const PARTICIPANTS = 200;

interface Pending {
  position: number;
  appendedAt: number;
}

/**
 * How long after an append returns the read models show it, with the live projection (LiveFollower over a ProjectionRunner) as the
 * API runs it in embedded mode: in the same process, polling the log every 50 ms (nothing
 * nudges it on append). A second connection watches the checkpoint every 2 ms.
 */
export async function projectionLag(): Promise<Measurement[]> {
  const seconds = Math.max(1, Math.round(10 * SCALE));
  const dir = tempDir('lag');
  const storePath = join(dir.path, 'events.db');
  const rmPath = join(dir.path, 'rm.db');
  progress(`seeding ${PARTICIPANTS} demo participants (set-up)`);
  const seeding = new SqliteEventStore(storePath, { synchronous: 'NORMAL' });
  await generateDemo(seeding, { participants: PARTICIPANTS });
  await seeding.close();

  const store = new SqliteEventStore(storePath); // synchronous FULL, as in production
  const { db } = openReadModelDb({ engine: 'sqlite', file: rmPath });
  const watcher = new Database(rmPath, { readonly: true });
  let watch: NodeJS.Timeout | undefined;
  let live: LiveFollower | undefined;
  try {
    await ensureSchema(db);
    const runner = new ProjectionRunner(store, db, { name: LIVE_PROJECTION, tables: LIVE_TABLES });
    await runner.catchUp();
    const ids = (await db.selectFrom('participants').select('participant_id').execute()).map((r) => r.participant_id);
    const checkpoint = watcher.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');

    const errors: string[] = [];
    live = new LiveFollower(runner, { pollIntervalMs: POLL_MS, onError: (e) => errors.push((e as Error).message) });
    const pending: Pending[] = [];
    const lags: number[] = [];
    watch = setInterval(() => {
      const seen = checkpoint.get(LIVE_PROJECTION)?.position ?? 0;
      const now = performance.now();
      while (pending.length > 0 && pending[0]!.position <= seen) lags.push(now - pending.shift()!.appendedAt);
    }, CHECK_EVERY_MS);
    live.start();

    const count = RATE * seconds;
    progress(`${count} qualification-gained milestones at ${RATE}/s through recordMilestone, store synchronous=FULL`);
    const appendMs: number[] = [];
    const deps: CommandDependencies = { store, now: () => new Date(), newId: randomUUID };
    const milestone: Milestone = { type: 'qualification-gained', occurredOn: toIsoDate(new Date()), qualification: null, iscedLevel: null }; // no text: that would need a key store
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      const before = performance.now();
      await recordMilestone(deps, ids[i % ids.length]!, milestone, { actor: 'bench', actorRole: 'caseworker', correlationId: randomUUID() });
      // One writer, so the head is this append's position (CommandResult does not carry it).
      const position = await store.headPosition();
      const appendedAt = performance.now();
      appendMs.push(appendedAt - before);
      pending.push({ position, appendedAt });
    }
    const elapsed = performance.now() - start;
    for (let waited = 0; pending.length > 0 && waited < 10_000; waited += 10) await sleep(10);

    const lag = latencies(lags);
    const max = Math.max(...lags);
    const label = `poll interval, ${POLL_MS} ms`;
    const details = {
      appends: count,
      rate: perSecond(count, elapsed),
      appendP50: latencies(appendMs).p50,
      appendP99: latencies(appendMs).p99,
      unseen: pending.length,
      projectionErrors: errors.length,
      checkEveryMs: CHECK_EVERY_MS,
    };
    const note = pending.length + errors.length > 0 ? `${pending.length} appends never seen, ${errors.length} projection errors` : undefined;
    return [
      { name: 'lag: live projection, p50', value: lag.p50, unit: 'ms', baseline: { label, value: POLL_MS }, note, details },
      { name: 'lag: live projection, p99', value: lag.p99, unit: 'ms', baseline: { label, value: POLL_MS }, target: { op: '<=', value: 250 } },
      { name: 'lag: live projection, max', value: max, unit: 'ms', baseline: { label, value: POLL_MS } },
    ];
  } finally {
    clearInterval(watch);
    await live?.stop();
    watcher.close();
    await db.destroy();
    await store.close();
    dir.remove();
  }
}

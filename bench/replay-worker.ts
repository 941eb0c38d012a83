import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@pathway/event-store';
import { ensureSchema, openReadModelDb, ReadModelDbConfig, rebuildReadModels } from '@pathway/read-models';

/**
 * One replay in a process of its own, so `maxRSS` is the peak of that replay alone and not of
 * the seeding or the suites before it. Run by replay.bench.ts as
 * `node -r @swc-node/register bench/replay-worker.ts '<WorkerJob JSON>'`; prints one
 * `WorkerResult` as JSON on stdout, progress on stderr.
 */
export type WorkerJob = { mode: 'read'; store: string; page: number } | { mode: 'rebuild'; store: string; readModels: ReadModelDbConfig };

export interface WorkerResult {
  /** Events read (the rebuild's count is known to the caller; counting here would cost memory). */
  events?: number;
  ms: number;
  /** Peak resident set size of this process, in MB. */
  maxRssMb: number;
  participants?: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as WorkerJob;
  const store = new SqliteEventStore(job.store);
  try {
    const result = job.mode === 'read' ? await readAll(store, job.page) : await rebuild(store, job.readModels);
    process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    await store.close();
  }
}

/** The limit for a rebuild: every row read and parsed (the store parses data and metadata), nothing applied. */
async function readAll(store: SqliteEventStore, page: number): Promise<Omit<WorkerResult, 'maxRssMb'>> {
  const start = performance.now();
  let events = 0;
  let after = 0;
  for (let batch = await store.readAll(after, page); batch.length > 0; batch = await store.readAll(after, page)) {
    events += batch.length;
    after = batch.at(-1)!.position;
  }
  return { events, ms: performance.now() - start };
}

async function rebuild(store: SqliteEventStore, config: ReadModelDbConfig): Promise<Omit<WorkerResult, 'maxRssMb'>> {
  const { db } = openReadModelDb(config);
  try {
    await ensureSchema(db); // schema set-up is not part of the replay
    const total = await store.headPosition();
    let shown = 0;
    const start = performance.now();
    await rebuildReadModels(store, db, ({ processed }) => {
      if (processed < shown + total / 5) return;
      shown = processed;
      process.stderr.write(`    ${config.engine}: ${Math.round((processed / total) * 100)}% of ${total.toLocaleString('en-US')}\n`);
    });
    const ms = performance.now() - start;
    const { n } = await db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { ms, participants: Number(n) };
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { milestoneEvents, newStreamId } from './events';
import { perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const PEER = '@event-driven-io/emmett-sqlite@0.38.5';
const BATCH = 10;

interface Outcome {
  events: number;
  eventsPerSecond: number;
  projected?: number;
  error?: string;
}

/**
 * Emmett's closest match to our read models: an inline projection, run by `appendToStream` in
 * the append's own transaction with its SQLite connection. Here it counts qualifications per
 * project in a table of its own. Measured against the same appends with no projection; both
 * figures are Emmett's. Pathway projects asynchronously into a separate database instead, so
 * there is no like-for-like figure of ours: see the 'replay' and 'lag' suites.
 */
export async function emmettProjections(): Promise<Measurement[]> {
  const calls = scaled(300);
  const dir = tempDir('emmett-projections');
  try {
    const emmett = await import('@event-driven-io/emmett-sqlite');
    const { projections } = await import('@event-driven-io/emmett');
    const perProject = projections.inline<SQLiteReadEventMetadata, { connection: SQLiteConnection }>([
      {
        name: 'qualifications_per_project',
        canHandle: ['QualificationGained'],
        handle: async (events, { connection }) => {
          for (const event of events) {
            const projectId = String((event.metadata as unknown as Record<string, unknown>).projectId);
            await connection.command(
              'INSERT INTO qualifications_per_project (project_id, n) VALUES (?, 1) ON CONFLICT (project_id) DO UPDATE SET n = n + 1',
              [projectId],
            );
          }
        },
      },
    ]);
    progress(`${calls} appends of ${BATCH} events, emmett without then with an inline projection`);
    const plain = await run(emmett.getSQLiteEventStore({ fileName: join(dir.path, 'plain.db') }), calls);
    const fileName = join(dir.path, 'projected.db');
    // The projection's table exists before the run, as a migration would have made it.
    const setUp = emmett.sqliteConnection({ fileName });
    await setUp.command('CREATE TABLE qualifications_per_project (project_id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    setUp.close();
    const projected = await run(emmett.getSQLiteEventStore({ fileName, projections: perProject }), calls);
    projected.projected = await countProjected(emmett.sqliteConnection({ fileName }));

    const failed = (o: Outcome, what: string) => (o.error ? [`${what} failed after ${o.events} events: ${o.error}`] : []);
    return [
      {
        name: `emmett: append with inline SQLite projection, batches of ${BATCH}`,
        value: projected.eventsPerSecond,
        unit: 'events/s',
        baseline: { label: plain.error ? 'emmett, no projection, until it failed' : 'emmett, no projection', value: plain.eventsPerSecond },
        note: [
          `information, no target; ${projected.projected} events projected inline (in the append's transaction).` +
            ' Not measured: its async consumer (store.consumer with projection processors, from BEGINNING); it has no rebuild-and-swap',
          ...failed(plain, 'without projection'),
          ...failed(projected, 'with projection'),
        ].join('; '),
        details: { peer: PEER, calls, batch: BATCH, plain, projected },
      },
    ];
  } finally {
    dir.remove();
  }
}

type EmmettStore = ReturnType<typeof import('@event-driven-io/emmett-sqlite').getSQLiteEventStore>;
type SQLiteConnection = import('@event-driven-io/emmett-sqlite').SQLiteConnection;
type SQLiteReadEventMetadata = import('@event-driven-io/emmett-sqlite').SQLiteReadEventMetadata;

/** Fresh streams per call; a failure (SQLITE_BUSY is known) ends the run and is reported, not thrown. */
async function run(store: EmmettStore, calls: number): Promise<Outcome> {
  let events = 0;
  let elapsed = 0;
  const log = console.log; // emmett console.logs every failed transaction; the result says it instead
  console.log = () => undefined;
  try {
    for (let call = 0; call < calls; call++) {
      const streamId = newStreamId();
      const batch = milestoneEvents(streamId, BATCH).map(({ type, data, metadata }) => ({ type, data, metadata }));
      const start = performance.now();
      await store.appendToStream(streamId, batch, { expectedStreamVersion: 0n });
      elapsed += performance.now() - start;
      events += batch.length;
    }
    return { events, eventsPerSecond: perSecond(events, elapsed) };
  } catch (error) {
    return { events, eventsPerSecond: perSecond(events, elapsed), error: (error as Error).message ?? String(error) };
  } finally {
    console.log = log;
  }
}

/** What the projection wrote: the check that it ran at all. */
async function countProjected(connection: SQLiteConnection): Promise<number> {
  try {
    return (await connection.querySingle<{ n: number | null }>('SELECT SUM(n) AS n FROM qualifications_per_project'))?.n ?? 0;
  } finally {
    connection.close();
  }
}

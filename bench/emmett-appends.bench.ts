import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventToAppend, SqliteEventStore } from '@pathway/event-store';
import { milestoneEvents, newStreamId } from './events';
import { perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const PEER = '@event-driven-io/emmett-sqlite@0.38.5';
const SINGLE_STREAMS = 100;

/** The one operation both stores are compared on; returns the stream's new version. */
interface Appender {
  append(streamId: string, events: EventToAppend[], expectedVersion: number): Promise<number>;
  close(): Promise<void>;
}

interface Shape {
  name: string;
  batch: number;
  calls: number;
}

interface Outcome {
  events: number;
  eventsPerSecond: number;
  /** Set when the store failed part-way: the figures above are what it did before. */
  error?: string;
}

export async function emmettAppends(): Promise<Measurement[]> {
  const shapes: Shape[] = [
    { name: 'batches of 10', batch: 10, calls: scaled(500) },
    { name: 'batches of 1,000', batch: 1_000, calls: scaled(10) },
    { name: 'single event, exact version', batch: 1, calls: scaled(3_000) },
  ];
  const dir = tempDir('emmett');
  try {
    const emmett = await import('@event-driven-io/emmett-sqlite');
    const rows: Measurement[] = [];
    for (const [index, shape] of shapes.entries()) {
      progress(`${shape.name}: ${shape.calls} appends, pathway then emmett`);
      const ours = await runShape(pathwayAppender(join(dir.path, `pathway-${index}.db`)), shape);
      const peer = await runShape(emmettAppender(emmett, join(dir.path, `emmett-${index}.db`)), shape);
      rows.push({
        name: `vs emmett: append, ${shape.name}`,
        value: ours.eventsPerSecond,
        unit: 'events/s',
        baseline: { label: peer.error ? 'emmett, until it failed' : 'emmett-sqlite', value: peer.eventsPerSecond },
        note: peer.error ? `emmett failed after ${peer.events} of ${shape.calls * shape.batch} events: ${peer.error}` : undefined,
        details: { peer: PEER, shape, pathway: ours, emmett: peer },
      });
    }
    return rows;
  } finally {
    dir.remove();
  }
}

/** Batches go to fresh streams; single events rotate over a few streams, each with its exact version. */
async function runShape(appender: Appender, shape: Shape): Promise<Outcome> {
  const single = shape.batch === 1;
  const streams = Array.from({ length: single ? SINGLE_STREAMS : shape.calls }, () => ({ id: newStreamId(), version: 0 }));
  let events = 0;
  let elapsed = 0;
  try {
    // Schema creation and first-call costs stay out of the figures.
    const warmUp = newStreamId();
    await appender.append(warmUp, milestoneEvents(warmUp, shape.batch), 0);
    for (let call = 0; call < shape.calls; call++) {
      const stream = streams[call % streams.length]!;
      const batch = milestoneEvents(stream.id, shape.batch);
      const start = performance.now();
      stream.version = await appender.append(stream.id, batch, stream.version);
      elapsed += performance.now() - start;
      events += batch.length;
    }
    return { events, eventsPerSecond: perSecond(events, elapsed) };
  } catch (error) {
    return { events, eventsPerSecond: perSecond(events, elapsed), error: error instanceof Error ? error.message : String(error) };
  } finally {
    await appender.close().catch(() => undefined);
  }
}

function pathwayAppender(path: string): Appender {
  const store = new SqliteEventStore(path);
  return {
    append: async (streamId, events, expected) =>
      (await store.append(streamId, events, expected === 0 ? 'no-stream' : expected)).streamVersion,
    close: () => store.close(),
  };
}

type EmmettSqlite = typeof import('@event-driven-io/emmett-sqlite');

function emmettAppender(emmett: EmmettSqlite, fileName: string): Appender {
  // Emmett opens and closes a connection per call, so there is nothing to close afterwards.
  const store = emmett.getSQLiteEventStore({ fileName });
  return {
    append: (streamId, events, expected) =>
      quietly(async () => {
        const result = await store.appendToStream(
          streamId,
          events.map(({ type, data, metadata }) => ({ type, data, metadata })),
          { expectedStreamVersion: BigInt(expected) },
        );
        return Number(result.nextExpectedStreamVersion);
      }),
    close: async () => undefined,
  };
}

/** Emmett console.logs every failed transaction; its failure is reported in the results instead. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventToAppend, SqliteEventStore } from '@pathway/event-store';
import { milestoneEvent, milestoneEvents, newStreamId, payloadBytes } from './events';
import { latencies, perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const BATCH = 1_000;
const SINGLE_STREAMS = 100;
/** Concurrent writers, as the HTTP benchmark's 50 connections are. */
const WRITERS = 50;

/** The store's own table, so the baseline pays for the same indexes. */
const RAW_SCHEMA = `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    stream_version INTEGER NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    type           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    UNIQUE (stream_id, stream_version)
  );
`;

export async function sqliteAppends(): Promise<Measurement[]> {
  const dir = tempDir('sqlite');
  try {
    const batches = scaled(100);
    const singleCount = scaled(3_000);
    progress(`batched: ${batches} appends of ${BATCH} events, store and raw in turn`);
    const batch = await batched(dir.path, batches);
    progress(`single: ${singleCount} one-event appends with the exact expected version, store and raw in turn`);
    const single = await singles(dir.path, singleCount);
    progress(`concurrent: ${WRITERS} writers, ${singleCount} one-event appends in all`);
    const concurrentRate = await concurrent(dir.path, singleCount);

    const bytes = payloadBytes(milestoneEvent(newStreamId()));
    const rawBatchedLabel = `raw better-sqlite3, ${BATCH.toLocaleString('en-US')}/tx`;
    const rawSingleLabel = 'raw better-sqlite3, 1 row/tx';
    return [
      {
        name: `sqlite append, batches of ${BATCH.toLocaleString('en-US')}`,
        value: batch.store.eventsPerSecond,
        unit: 'events/s',
        baseline: { label: rawBatchedLabel, value: batch.raw.eventsPerSecond },
        target: { op: '>=', value: 50_000 },
        details: { events: batches * BATCH, payloadBytes: bytes, synchronous: 'FULL', journal: 'WAL' },
      },
      {
        name: 'sqlite append, single event, exact version',
        value: single.store.eventsPerSecond,
        unit: 'events/s',
        baseline: { label: rawSingleLabel, value: single.raw.eventsPerSecond },
        details: { events: singleCount, streams: SINGLE_STREAMS, payloadBytes: bytes, synchronous: 'FULL', journal: 'WAL' },
      },
      {
        // Group commit (see SqliteEventStore): appends arriving together share one fsync, so
        // this may exceed the one-row-per-transaction ceiling each append alone is held to.
        name: `sqlite append, ${WRITERS} concurrent writers`,
        value: concurrentRate,
        unit: 'events/s',
        baseline: { label: rawSingleLabel, value: single.raw.eventsPerSecond },
        details: { events: singleCount, writers: WRITERS, payloadBytes: bytes, synchronous: 'FULL', journal: 'WAL' },
      },
      {
        name: 'sqlite append, single event, p50',
        value: single.store.p50,
        unit: 'ms',
        baseline: { label: rawSingleLabel, value: single.raw.p50 },
      },
      {
        name: 'sqlite append, single event, p99',
        value: single.store.p99,
        unit: 'ms',
        baseline: { label: rawSingleLabel, value: single.raw.p99 },
      },
    ];
  } finally {
    dir.remove();
  }
}

interface Throughput {
  eventsPerSecond: number;
}

interface SingleResult extends Throughput {
  p50: number;
  p99: number;
}

/** The store and its baseline take turns call by call, so a slow spell of the machine hits both alike. */
async function alternate(calls: number, store: (call: number) => Promise<number>, raw: (call: number) => number) {
  const samples = { store: [] as number[], raw: [] as number[] };
  for (let call = 0; call < calls; call++) {
    samples.store.push(await store(call));
    samples.raw.push(raw(call));
  }
  return samples;
}

// Only the append calls are timed: making the events is the caller's work, not the store's.
async function batched(dir: string, batches: number): Promise<{ store: Throughput; raw: Throughput }> {
  const store = new SqliteEventStore(join(dir, 'store-batched.db'));
  const raw = openRaw(join(dir, 'raw-batched.db'));
  try {
    const insertBatch = raw.db.transaction((streamId: string, events: EventToAppend[]) => {
      events.forEach((event, index) => raw.insert(streamId, index + 1, event));
    });
    const [storeWarmUp, rawWarmUp] = [newStreamId(), newStreamId()];
    await store.append(storeWarmUp, milestoneEvents(storeWarmUp, BATCH), 'no-stream');
    insertBatch(rawWarmUp, milestoneEvents(rawWarmUp, BATCH));
    const samples = await alternate(
      batches,
      async () => {
        const streamId = newStreamId();
        const events = milestoneEvents(streamId, BATCH);
        const start = performance.now();
        await store.append(streamId, events, 'no-stream');
        return performance.now() - start;
      },
      () => {
        const streamId = newStreamId();
        const events = milestoneEvents(streamId, BATCH);
        const start = performance.now();
        insertBatch(streamId, events);
        return performance.now() - start;
      },
    );
    const rate = (ms: number[]) => ({ eventsPerSecond: perSecond(ms.length * BATCH, sum(ms)) });
    return { store: rate(samples.store), raw: rate(samples.raw) };
  } finally {
    await store.close();
    raw.db.close();
  }
}

// The version comes from the previous append's result: the store still reads the current
// version inside its transaction to check it, which is part of what is measured.
async function singles(dir: string, appends: number): Promise<{ store: SingleResult; raw: SingleResult }> {
  const store = new SqliteEventStore(join(dir, 'store-single.db'));
  const raw = openRaw(join(dir, 'raw-single.db'));
  try {
    const storeStreams = Array.from({ length: SINGLE_STREAMS }, () => ({ id: newStreamId(), version: 0 }));
    const rawStreams = Array.from({ length: SINGLE_STREAMS }, () => ({ id: newStreamId(), version: 0 }));
    const samples = await alternate(
      appends,
      async (call) => {
        const stream = storeStreams[call % SINGLE_STREAMS]!;
        const events = milestoneEvents(stream.id, 1);
        const start = performance.now();
        const { streamVersion } = await store.append(stream.id, events, stream.version === 0 ? 'no-stream' : stream.version);
        const elapsed = performance.now() - start;
        stream.version = streamVersion;
        return elapsed;
      },
      (call) => {
        const stream = rawStreams[call % SINGLE_STREAMS]!;
        const [event] = milestoneEvents(stream.id, 1);
        const start = performance.now();
        raw.insert(stream.id, ++stream.version, event!); // autocommit: one row, one transaction
        return performance.now() - start;
      },
    );
    const summary = (ms: number[]): SingleResult => ({ eventsPerSecond: perSecond(ms.length, sum(ms)), ...latencies(ms) });
    return { store: summary(samples.store), raw: summary(samples.raw) };
  } finally {
    await store.close();
    raw.db.close();
  }
}

/** `appends` one-event appends by `WRITERS` writers at once, each on its own stream at its exact version. */
async function concurrent(dir: string, appends: number): Promise<number> {
  const store = new SqliteEventStore(join(dir, 'store-concurrent.db'));
  try {
    const perWriter = Math.ceil(appends / WRITERS);
    const writer = async () => {
      const streamId = newStreamId();
      const events = Array.from({ length: perWriter }, () => milestoneEvents(streamId, 1));
      for (let version = 0; version < perWriter; version++) await store.append(streamId, events[version]!, version === 0 ? 'no-stream' : version);
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: WRITERS }, writer));
    return perSecond(perWriter * WRITERS, performance.now() - start);
  } finally {
    await store.close();
  }
}

function openRaw(path: string): { db: Database.Database; insert: (streamId: string, version: number, event: EventToAppend) => void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(RAW_SCHEMA);
  const statement = db.prepare(
    'INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // JSON.stringify stays in the timed part: any event store has to serialise what it writes.
  const insert = (streamId: string, version: number, event: EventToAppend) => {
    statement.run(streamId, version, event.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
  };
  return { db, insert };
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

import { copyFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openLocalTokens } from '@pathway/config';
import { SqliteEventStore } from '@pathway/event-store';
import { ensureSchema, openReadModelDb, rebuildReadModels } from '@pathway/read-models';
import { demoLog, logPrefix, REPORT_PROJECT } from './demo-log';
import { startServer } from './http-server';
import { latencies, progress, tempDir } from './measure';
import { Measurement } from './report';

/**
 * Light reads while a rebuild runs: the rebuild goes to the projector's worker thread, so the
 * API's event loop keeps answering. Before, the rebuild ran on that loop (GET /health took 4 s
 * during a 79k-event rebuild). BENCH_REBUILD_EVENTS sets the log's size (default 200,000; the
 * issue's figure is for 1,000,000). Each read's p99 during the rebuild is printed beside the
 * same read's p99 measured just before it, in the same process, at the same pace.
 */
const EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 200_000);
/** Reads a second, each kind; open loop, timed from when each was due. */
const RATE = 40;
const BASELINE_SECONDS = 10;

export async function rebuildAvailability(): Promise<Measurement[]> {
  // The demo averages about 7.7 events per participant: seed a little more, then take the prefix.
  const source = await demoLog(Math.ceil(EVENTS / 7));
  const log = await logPrefix(source, EVENTS);
  const dir = tempDir('availability');
  try {
    copyFileSync(log.path, join(dir.path, 'events.db'));
    await prebuildReadModels(dir.path);
    const admin = await (await openLocalTokens(dir.path)).mint({ subject: 'bench-admin', role: 'admin', projects: [] });
    const server = await startServer(dir.path);
    try {
      const reads = { health: '/health', summary: `/api/v1/projects/${REPORT_PROJECT}` };
      const get = (path: string) => timedGet(server.port, path, admin);
      progress(`baseline: GET /health and a project summary, ${RATE}/s each for ${BASELINE_SECONDS} s, no rebuild`);
      const baseline = await paced(get, reads, () => sleep(BASELINE_SECONDS * 1000));

      progress(`rebuild of ${log.events.toLocaleString('en-US')} events, the same reads meanwhile`);
      const started = performance.now();
      const { jobId } = JSON.parse((await post(server.port, '/api/v1/projections/rebuild', admin)).body) as { jobId: string };
      const during = await paced(get, reads, () => untilDone(server.port, jobId, admin));
      const rebuildSeconds = (performance.now() - started) / 1000;
      progress(`rebuild done in ${rebuildSeconds.toFixed(1)} s`);

      const label = 'the same read, no rebuild';
      const details = { events: log.events, rebuildSeconds, rate: RATE, samplesDuring: during.health.samples, failedDuring: during.health.failed + during.summary.failed };
      return [
        { name: `availability: GET /health p99 during a ${short(log.events)}-event rebuild`, value: during.health.p99, unit: 'ms', baseline: { label, value: baseline.health.p99 }, target: { op: '<=', value: 50 }, details },
        { name: `availability: project summary p99 during a ${short(log.events)}-event rebuild`, value: during.summary.p99, unit: 'ms', baseline: { label, value: baseline.summary.p99 }, target: { op: '<=', value: 50 } },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    dir.remove();
  }
}

/** The read models as they stand before the rebuild (caught up): built here, so the app starts with no backlog. */
async function prebuildReadModels(dataDir: string): Promise<void> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  const { db } = openReadModelDb({ engine: 'sqlite', file: join(dataDir, 'read-models.db') });
  try {
    await ensureSchema(db);
    progress('building the read models the app starts with');
    await rebuildReadModels(store, db);
  } finally {
    await db.destroy();
    await store.close();
  }
}

type Reads = Record<'health' | 'summary', string>;
type Timed = { ms: number; status: number };

/** Each read at RATE a second until `until` settles; latencies from when each was due. */
async function paced(get: (path: string) => Promise<Timed>, reads: Reads, until: () => Promise<unknown>) {
  const samples: Record<keyof Reads, number[]> = { health: [], summary: [] };
  const failed: Record<keyof Reads, number> = { health: 0, summary: 0 };
  let done = false;
  const finished = until().then(() => (done = true));
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; !done; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    for (const kind of Object.keys(reads) as (keyof Reads)[]) {
      inFlight.push(
        get(reads[kind]).then(({ status }) => {
          samples[kind].push(performance.now() - due);
          if (status !== 200) failed[kind]++;
        }),
      );
    }
  }
  await finished;
  await Promise.all(inFlight);
  const result = (kind: keyof Reads) => ({ ...latencies(samples[kind]), samples: samples[kind].length, failed: failed[kind] });
  return { health: result('health'), summary: result('summary') };
}

async function untilDone(port: number, jobId: string, token: string): Promise<void> {
  for (;;) {
    await sleep(500);
    const { body } = await timedGet(port, `/api/v1/projections/rebuild/${jobId}`, token);
    const job = JSON.parse(body) as { status: string; processed: number; total: number };
    if (job.status === 'succeeded') return;
    if (job.status === 'failed') throw new Error(`The rebuild failed: ${body}`);
  }
}

function timedGet(port: number, path: string, token: string): Promise<Timed & { body: string }> {
  return call(port, 'GET', path, token);
}

function post(port: number, path: string, token: string): Promise<Timed & { body: string }> {
  return call(port, 'POST', path, token);
}

function call(port: number, method: string, path: string, token: string): Promise<Timed & { body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ hostname: '127.0.0.1', port, method, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const short = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${Math.round(n / 1000)}k`);

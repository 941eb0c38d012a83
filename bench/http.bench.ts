import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openLocalTokens } from '@pathway/config';
import { entryProfile, framtidProject } from '../test/support/fixtures';
import { Server, startServer } from './http-server';
import { pacedLoad, PacedRequest } from './paced-load';
import { progress, SCALE, scaled, tempDir } from './measure';
import { Measurement } from './report';

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
/** Half the throughput target: latency at a rate the app sustains, not in a queue of 50. */
const PACED_RATE = 500;
const SETTLE_MS = 3_000;
const milestone = { type: 'qualification-gained', occurredOn: '2024-07-01', qualification: 'Forklift licence B' };

export async function httpMilestones(): Promise<Measurement[]> {
  const participants = scaled(500);
  const seconds = Math.max(1, Math.round(10 * SCALE));
  // BENCH_HTTP_PROFILE=<dir>: a V8 CPU profile of the app during the saturating milestone run.
  progress(`seeding a project and ${participants} participants`);
  const app = await seededApp(participants);
  try {
    const { server, base, ids, caseworker } = app;
    const recordMilestones = (duration: number) => load(base, duration, milestoneRequests(ids, caseworker));
    const health = (duration: number) => load(base, duration, [{ method: 'GET', path: '/health' }]);
    const paced = (next: (index: number) => PacedRequest) =>
      pacedLoad(base, { rate: PACED_RATE, seconds, connections: CONNECTIONS }, next);
    progress(`warming up both routes for ${WARM_UP_SECONDS} s each`);
    await recordMilestones(WARM_UP_SECONDS);
    await health(WARM_UP_SECONDS);
    // Paced runs go first: after a saturating run the app is still working off its backlog.
    await sleep(SETTLE_MS);
    progress(`open loop at a steady ${PACED_RATE} requests/s: GET /health, then POST milestones, ${seconds} s each`);
    const pacedBaseline = await paced(() => ({ method: 'GET', path: '/health' }));
    const pacedRecords = await paced((i) => ({ method: 'POST', path: milestonePath(ids, i), body: JSON.stringify(milestone), headers: caseworker }));
    await sleep(SETTLE_MS);
    progress(`GET /health, ${CONNECTIONS} connections, ${seconds} s`);
    const [baseline, baselineCpu] = await withCpu(server, () => health(seconds));
    progress(`POST milestones over ${ids.length} participants, ${CONNECTIONS} connections, ${seconds} s`);
    const profiling = process.env.BENCH_HTTP_PROFILE ? await server.profile(process.env.BENCH_HTTP_PROFILE, 'http-record-milestones') : null;
    const [records, recordsCpu] = await withCpu(server, () => recordMilestones(seconds));
    await profiling?.stop();

    const production = await apiWithoutProjector(participants, seconds);

    const label = `GET /health, ${CONNECTIONS} conn.`;
    const failed = records.errors + records.timeouts + pacedRecords.errors;
    const non2xx = records.non2xx + pacedRecords.non2xx;
    return [
      {
        name: 'http record milestone',
        value: perSecond(records),
        unit: 'records/s',
        baseline: { label, value: perSecond(baseline) },
        target: { op: '>=', value: 1_000 },
        details: { connections: CONNECTIONS, seconds: records.duration, participants, recorded: records['2xx'] },
      },
      {
        // The app's own CPU time, which other engineers' load on the machine barely moves.
        name: 'http record milestone, per CPU-second of the app',
        value: records['2xx'] / (recordsCpu / 1e6),
        unit: 'records/s',
        baseline: { label: `${label}, per CPU-second`, value: baseline['2xx'] / (baselineCpu / 1e6) },
        details: { cpuMicrosPerRecord: recordsCpu / records['2xx'], cpuMicrosPerHealth: baselineCpu / baseline['2xx'] },
      },
      {
        name: 'http record milestone, per CPU-second of the API, projector in its own process',
        value: production.perCpuSecond,
        unit: 'records/s',
        baseline: { label: `${label}, per CPU-second of that API`, value: production.healthPerCpuSecond },
        note: 'the production topology (RUN_PROJECTOR=false, apps/projector applies the log elsewhere); the row before is the embedded default, which projects in the API process',
        details: production,
      },
      {
        name: 'http record milestone, p50',
        value: records.latency.p50,
        unit: 'ms',
        baseline: { label, value: baseline.latency.p50 },
      },
      {
        name: 'http record milestone, p99',
        value: records.latency.p99,
        unit: 'ms',
        baseline: { label, value: baseline.latency.p99 },
        target: { op: '<=', value: 25 },
      },
      {
        name: `http record milestone at ${PACED_RATE}/s, p99`,
        value: pacedRecords.p99,
        unit: 'ms',
        baseline: { label: `GET /health at ${PACED_RATE}/s`, value: pacedBaseline.p99 },
        target: { op: '<=', value: 25 },
        details: { ...pacedRecords, baselineP50: pacedBaseline.p50 },
      },
      {
        name: 'http record milestone, non-2xx',
        value: non2xx,
        unit: 'responses',
        baseline: { label: 'GET /health, both runs', value: baseline.non2xx + pacedBaseline.non2xx },
        target: { op: '<=', value: 0 },
        note: failed > 0 ? `${failed} connection errors or timeouts besides` : undefined,
        details: { statusCodes: records.statusCodeStats, pacedNon2xx: pacedRecords.non2xx, failed },
      },
    ];
  } finally {
    await app.stop();
  }
}

/**
 * A fresh app (environment `settings` beyond the bench's own) on a data directory of its own,
 * with the project and `participants` participants enrolled; `stop` ends the app and removes
 * the directory.
 */
async function seededApp(participants: number, settings: Record<string, string> = {}) {
  const dir = tempDir('http');
  // Without the projection in the API, the projector of the production topology runs beside it.
  const projector = settings.RUN_PROJECTOR === 'false' ? startProjector(dir.path) : null;
  let server: Server | null = null;
  // An API that does not project refuses to start until the projector has set up the schema.
  for (let attempt = 1; server === null; attempt++) {
    try {
      server = await startServer(dir.path, settings);
    } catch (error) {
      if (projector && attempt < 50) await sleep(200);
      else {
        if (projector) await stopProcess(projector);
        dir.remove();
        throw error;
      }
    }
  }
  const started = server;
  const stop = async () => {
    await started.stop();
    if (projector) await stopProcess(projector);
    dir.remove();
  };
  try {
    const base = `http://127.0.0.1:${started.port}`;
    // Tokens from the signing key the app made in its data directory, as `pathway token` mints them.
    const tokens = await openLocalTokens(dir.path);
    const bearer = async (role: 'admin' | 'caseworker') =>
      ({ authorization: `Bearer ${await tokens.mint({ subject: `bench-${role}`, role, projects: role === 'admin' ? [] : [framtidProject.id] })}` });
    const caseworker = await bearer('caseworker');
    const ids = await seed(base, participants, await bearer('admin'), caseworker);
    return { server: started, base, ids, caseworker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `apps/projector` on the app's data directory (SQLite), in a process of its own. */
function startProjector(dataDir: string): ChildProcess {
  const main = join(__dirname, '..', 'apps', 'projector', 'src', 'main.ts');
  return spawn(process.execPath, ['-r', '@swc-node/register', main], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: 'ignore' });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Records per CPU-second of an API that does not project (`RUN_PROJECTOR=false`, as in the
 * production topology, where `apps/projector` applies the log in a process of its own), beside
 * `GET /health` per CPU-second of the same API: the saturating runs of `httpMilestones` on a
 * fresh app and data directory.
 */
async function apiWithoutProjector(participants: number, seconds: number) {
  progress(`the same without the projection in the API process: seeding ${participants} participants`);
  const app = await seededApp(participants, { RUN_PROJECTOR: 'false' });
  try {
    const { server, base, ids, caseworker } = app;
    const recordMilestones = (duration: number) => load(base, duration, milestoneRequests(ids, caseworker));
    const health = (duration: number) => load(base, duration, [{ method: 'GET', path: '/health' }]);
    await recordMilestones(WARM_UP_SECONDS);
    await health(WARM_UP_SECONDS);
    await sleep(SETTLE_MS);
    progress(`GET /health, then POST milestones, ${CONNECTIONS} connections, ${seconds} s each, without the projection`);
    const [baseline, baselineCpu] = await withCpu(server, () => health(seconds));
    const [records, recordsCpu] = await withCpu(server, () => recordMilestones(seconds));
    if (records.non2xx + records.errors + records.timeouts > 0) throw new Error('Milestone records failed on the API without the projection');
    return {
      perCpuSecond: records['2xx'] / (recordsCpu / 1e6),
      healthPerCpuSecond: baseline['2xx'] / (baselineCpu / 1e6),
      perSecond: perSecond(records),
      healthPerSecond: perSecond(baseline),
    };
  } finally {
    await app.stop();
  }
}

type Headers = Record<string, string>;

/** Runs `work` and also answers the app process's CPU time (µs, user + system) spent meanwhile. */
async function withCpu<T>(server: Server, work: () => Promise<T>): Promise<[T, number]> {
  const before = await server.cpuMicros();
  const result = await work();
  return [result, (await server.cpuMicros()) - before];
}

/** The project of the end-to-end tests (an admin registers it) and `count` participants a caseworker enrols; returns their ids. */
async function seed(base: string, count: number, admin: Headers, caseworker: Headers): Promise<string[]> {
  await post(`${base}/api/v1/projects`, framtidProject, admin);
  const ids = Array.from({ length: count }, (_, i) => `bench-${i}`);
  for (const participantId of ids) {
    await post(`${base}/api/v1/projects/${framtidProject.id}/participants`, { participantId, enrolledOn: '2024-01-15', profile: entryProfile }, caseworker);
  }
  return ids;
}

async function post(url: string, body: unknown, headers: Headers): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}

/** Every request goes to the next participant in turn, so connections rarely contend for one stream. */
function milestoneRequests(ids: string[], caseworker: Headers): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: 'POST',
      headers: { ...caseworker, 'content-type': 'application/json' },
      body: JSON.stringify(milestone),
      setupRequest: (request) => ({ ...request, path: milestonePath(ids, next++) }),
    },
  ];
}

function milestonePath(ids: string[], index: number): string {
  return `/api/v1/participants/${ids[index % ids.length]}/milestones`;
}

function load(base: string, duration: number, requests: autocannon.Request[]): Promise<autocannon.Result> {
  return autocannon({ url: base, connections: CONNECTIONS, duration, requests });
}

/** Successful answers per second over the whole run: what the app actually recorded. */
function perSecond(result: autocannon.Result): number {
  return result['2xx'] / result.duration;
}

import autocannon from 'autocannon';
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
  const dir = tempDir('http');
  const server = await startServer(dir.path);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    // Tokens from the signing key the app made in its data directory, as `pathway token` mints them.
    const tokens = await openLocalTokens(dir.path);
    const bearer = async (role: 'admin' | 'caseworker') =>
      ({ authorization: `Bearer ${await tokens.mint({ subject: `bench-${role}`, role, projects: role === 'admin' ? [] : [framtidProject.id] })}` });
    const admin = await bearer('admin');
    const caseworker = await bearer('caseworker');
    progress(`seeding a project and ${participants} participants`);
    const ids = await seed(base, participants, admin, caseworker);

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
    await server.stop();
    dir.remove();
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

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { ReadModelDbConfig } from '@pathway/read-models';
import { logPrefix, sharedDemoLog } from './demo-log';
import { perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';
import { WorkerJob, WorkerResult } from './replay-worker';

const PAGE = 5_000; // the rebuild's own batch size, so both read the log in the same pages
const POSTGRES_URL = process.env.PATHWAY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Rebuild of every read model from a realistic log, against reading and parsing the same rows
 * with nothing applied. The log is a prefix of the report suite's cached demo log, so one
 * seeding serves both.
 */
export async function replayReadModels(): Promise<Measurement[]> {
  const wanted = scaled(1_000_000);
  const log = await logPrefix(await sharedDemoLog(), wanted);
  const dir = tempDir('replay');
  try {
    progress(`read and parse ${log.events.toLocaleString('en-US')} events in pages of ${PAGE} (child process)`);
    const read = await runWorker({ mode: 'read', store: log.path, page: PAGE });
    progress('rebuild into SQLite (child process)');
    const sqlite = await runWorker({ mode: 'rebuild', store: log.path, readModels: { engine: 'sqlite', file: join(dir.path, 'rm.db') } });
    const postgres = await rebuildIntoPostgres(log.path);

    const label = 'read + JSON.parse only';
    const readRate = perSecond(read.events ?? 0, read.ms);
    const details = { events: log.events, participants: sqlite.participants, log: 'demo, seed 1, first positions', page: PAGE };
    const rows: Measurement[] = [
      {
        name: 'replay: rebuild read models, SQLite',
        value: perSecond(log.events, sqlite.ms),
        unit: 'events/s',
        baseline: { label, value: readRate },
        target: { op: '>=', value: 100_000 },
        note: 'goal (issue 13): >= 0.5x of read + JSON.parse in the same run',
        details: { ...details, seconds: sqlite.ms / 1000 },
      },
      {
        name: 'replay: rebuild read models, SQLite, peak RSS',
        value: sqlite.maxRssMb,
        unit: 'MB',
        baseline: { label: `${label}, peak RSS`, value: read.maxRssMb },
        target: { op: '<=', value: 400 },
        details: { note: 'maxRSS of the child process, which also holds node, swc and the modules (about 110 MB)' },
      },
    ];
    if (postgres) {
      rows.push({
        name: 'replay: rebuild read models, PostgreSQL',
        value: perSecond(log.events, postgres.ms),
        unit: 'events/s',
        baseline: { label, value: readRate },
        note: `goal (issue 13): >= 0.25x of read + JSON.parse in the same run; peak RSS ${postgres.maxRssMb.toFixed(0)} MB`,
        details: { ...details, seconds: postgres.ms / 1000, maxRssMb: postgres.maxRssMb },
      });
    }
    return rows;
  } finally {
    dir.remove();
  }
}

/** The same rebuild into a database of its own on the local server; null (with a note) if there is none. */
async function rebuildIntoPostgres(store: string): Promise<WorkerResult | null> {
  const admin = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    progress(`PostgreSQL not reachable at ${POSTGRES_URL} (${(error as Error).message}): rebuild into PostgreSQL skipped`);
    await admin.end().catch(() => undefined);
    return null;
  }
  const name = `pathway_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    progress(`rebuild into PostgreSQL database ${name} (child process)`);
    const readModels: ReadModelDbConfig = { engine: 'postgres', url: url.toString() };
    return await runWorker({ mode: 'rebuild', store, readModels });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Runs replay-worker.ts with the same loader as the bench; its stderr (progress) passes through. */
function runWorker(job: WorkerJob): Promise<WorkerResult> {
  const args = ['-r', '@swc-node/register', join(__dirname, 'replay-worker.ts'), JSON.stringify(job)];
  const child = spawn(process.execPath, args, { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`replay worker (${job.mode}) exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult);
    });
  });
}

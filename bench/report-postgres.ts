import { Client } from 'pg';
import { SqliteEventStore } from '@pathway/event-store';
import { computeIndicatorReport } from '@pathway/indicators';
import { ensureSchema, indicatorReport, IndicatorReportQuery, openReadModelDb, rebuildReadModels, reportOutcomes } from '@pathway/read-models';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { sourceHash } from './cache';
import { REPORT_PROJECT } from './demo-log';
import { latencies, progress } from './measure';
import { Measurement } from './report';

const POSTGRES_URL = process.env.PATHWAY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = 10;

/**
 * The live report of the report suite's project on PostgreSQL, the read models of production,
 * against the row path on the same database in the same run. The read models are rebuilt from
 * the cached log into a database named after the log and the projection's source (about four
 * minutes, once), then vacuumed as autovacuum would after a bulk load, so the statement can
 * read its covering index without visiting the table. No figure (with a note) without a server.
 */
export async function postgresReport(log: string, projectionSources: string[], period: { from: null; to: string }): Promise<Measurement[]> {
  const admin = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    progress(`PostgreSQL not reachable at ${POSTGRES_URL} (${(error as Error).message}): the report on PostgreSQL skipped`);
    await admin.end().catch(() => undefined);
    return [];
  }
  const stem = 'pathway_bench_report_';
  const name = `${stem}${sourceHash(projectionSources)}_${basename(log).replace(/\W/g, '_').slice(0, 20)}`.toLowerCase();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${stem}%'`);
    if (!rows.some((r) => r.datname === name)) {
      // Older versions, and an interrupted build (its `_partial` name), are dropped first.
      for (const { datname } of rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}_partial`);
      const partial = new URL(POSTGRES_URL);
      partial.pathname = `/${name}_partial`;
      progress(`rebuilding the read models into PostgreSQL database ${name} (set-up, not timed; about 4 minutes)`);
      const store = new SqliteEventStore(log);
      const { db } = openReadModelDb({ engine: 'postgres', url: partial.toString() });
      try {
        await ensureSchema(db);
        await rebuildReadModels(store, db, () => undefined);
      } finally {
        await db.destroy();
        await store.close();
      }
      const vacuum = new Client({ connectionString: partial.toString() });
      await vacuum.connect();
      await vacuum.query('VACUUM ANALYZE');
      await vacuum.end();
      await admin.query(`ALTER DATABASE ${name}_partial RENAME TO ${name}`);
    } else progress(`reusing PostgreSQL database ${name}`);
  } finally {
    await admin.end();
  }

  const { db } = openReadModelDb({ engine: 'postgres', url: url.toString() });
  try {
    const query: IndicatorReportQuery = { ...period, asKnownOn: null };
    const counted = () => indicatorReport(db, REPORT_PROJECT, query);
    const { planned_participants: planned } = await db.selectFrom('projects').select('planned_participants').where('project_id', '=', REPORT_PROJECT).executeTakeFirstOrThrow();
    const rowPath = async () => computeIndicatorReport((await reportOutcomes(db, REPORT_PROJECT, query))!.outcomes, period, Number(planned));
    const figures = (r: { indicators: unknown; rates: unknown } | null) => r && { indicators: r.indicators, rates: r.rates };
    if (!isDeepStrictEqual(figures(await counted()), figures(await rowPath()))) throw new Error('The report counted in PostgreSQL differs from the row path');
    progress(`${RUNS} live reports on PostgreSQL, each after its baseline`);
    const [subject, baseline] = [[] as number[], [] as number[]];
    for (let i = 0; i < RUNS; i++) {
      for (const [fn, into] of [[counted, subject], [rowPath, baseline]] as const) {
        const started = performance.now();
        await fn();
        into.push(performance.now() - started);
      }
    }
    return [
      {
        name: 'report: indicator report on PostgreSQL, live, p50',
        value: latencies(subject).p50,
        unit: 'ms',
        baseline: { label: 'the row path on the same database', value: latencies(baseline).p50 },
        note: 'read models rebuilt into the local PostgreSQL server, then vacuumed; the Node process and the server share the machine',
        details: { database: name, runs: RUNS, p99: latencies(subject).p99 },
      },
    ];
  } finally {
    await db.destroy();
  }
}

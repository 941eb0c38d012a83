import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@pathway/event-store';
import { isDeepStrictEqual } from 'node:util';
import { computeIndicatorReport } from '@pathway/indicators';
import { ensureSchema, indicatorReport, IndicatorReportQuery, openReadModelDb, outcomesFromFacts, ReadModelSchema, rebuildReadModels, reportOutcomes } from '@pathway/read-models';
import { CACHE_DIR, cachedFile, sourceHash } from './cache';
import { REPORT_PROJECT, sharedDemoLog } from './demo-log';
import { latencies, progress } from './measure';
import { postgresReport } from './report-postgres';
import { Measurement } from './report';

const LIVE_RUNS = 20;
const KNOWN_ON_RUNS = 5;
export const TO = '2026-10-31';
/** What the read models' content depends on: the projection, the outcome rules, the events' decoding. */
const PROJECTION_SOURCES = ['libs/read-models/src', 'libs/indicators/src', 'libs/application/src', 'libs/domain/src', 'libs/event-store/src'];

/**
 * The ESF+ indicator report of the demo's biggest project, from read models rebuilt from the
 * cached demo log, counted in the database, against the row path in the same run: every
 * participant's row (and as known on, its facts) read into JavaScript and counted there by
 * `computeIndicatorReport`, as the report was counted before. Both must give the same report.
 */
export async function indicatorReports(): Promise<Measurement[]> {
  const log = await sharedDemoLog();
  const file = await cachedReadModels(log);
  const { db } = openReadModelDb({ engine: 'sqlite', file });
  const plain = new Database(file, { readonly: true });
  try {
    const participants = await countParticipants(db);
    const asKnownOn = await midwayInstant(db);
    const liveQuery: IndicatorReportQuery = { from: null, to: TO, asKnownOn: null };
    const live = () => indicatorReport(db, REPORT_PROJECT, liveQuery);
    const cutOffPosition = await lastPositionRecordedBy(db, asKnownOn);
    const knownOn = () => indicatorReport(db, REPORT_PROJECT, { from: null, to: TO, asKnownOn, cutOffPosition });
    const planned = Number((await db.selectFrom('projects').select('planned_participants').where('project_id', '=', REPORT_PROJECT).executeTakeFirstOrThrow()).planned_participants);
    const period = { from: null, to: TO };
    const liveRows = async () => computeIndicatorReport((await reportOutcomes(db, REPORT_PROJECT, liveQuery))!.outcomes, period, planned);
    const knownOnRows = async () => computeIndicatorReport((await outcomesFromFacts(db, REPORT_PROJECT, cutOffPosition)).outcomes, period, planned);
    const figures = (r: { indicators: unknown; rates: unknown } | null) => r && { indicators: r.indicators, rates: r.rates };
    if ((await live()) === null) throw new Error(`Project ${REPORT_PROJECT} is missing from the read models`);
    // A faster wrong answer is no result.
    if (!isDeepStrictEqual(figures(await live()), figures(await liveRows()))) throw new Error('The report counted in SQL differs from the row path (live)');
    if (!isDeepStrictEqual(figures(await knownOn()), figures(await knownOnRows()))) throw new Error('The report counted in SQL differs from the row path (as known on)');
    const rows = () => db.selectFrom('participants').selectAll().where('project_id', '=', REPORT_PROJECT).execute();
    // Diagnostic only: the same rows as arrays, without building an object of 34 keys per row.
    const arrays = plain.prepare('SELECT * FROM participants WHERE project_id = ?').raw();
    const changed = await db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', REPORT_PROJECT).where('enrolment_position', '<=', cutOffPosition).where('last_position', '>', cutOffPosition).executeTakeFirstOrThrow();
    const versions = await db.selectFrom('participant_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', REPORT_PROJECT).executeTakeFirstOrThrow();

    progress(`${participants.toLocaleString('en-US')} participants; ${LIVE_RUNS} live reports, ${KNOWN_ON_RUNS} as known on ${asKnownOn}, each after its baseline`);
    const liveMs = await alternate(LIVE_RUNS, live, liveRows);
    const knownOnMs = await alternate(KNOWN_ON_RUNS, knownOn, knownOnRows);
    const rowsMs = await alternate(KNOWN_ON_RUNS, rows, async () => arrays.all(REPORT_PROJECT));
    const [liveLat, rowsLat] = [latencies(liveMs.subject), latencies(liveMs.baseline)];
    const [knownLat, factsLat] = [latencies(knownOnMs.subject), latencies(knownOnMs.baseline)];
    const label = 'the row path: rows read into JavaScript and counted there';
    const details = {
      projectId: REPORT_PROJECT,
      participants,
      to: TO,
      runs: LIVE_RUNS,
      rowsOnlyP50: latencies(rowsMs.subject).p50,
      rowsAsArraysP50: latencies(rowsMs.baseline).p50,
    };
    return [
      {
        name: 'report: indicator report, live, p50',
        value: liveLat.p50,
        unit: 'ms',
        baseline: { label, value: rowsLat.p50 },
        target: { op: '<=', value: 200 },
        note: `project ${REPORT_PROJECT} had ${participants.toLocaleString('en-US')} participants`,
        details,
      },
      { name: 'report: indicator report, live, p99', value: liveLat.p99, unit: 'ms', baseline: { label, value: rowsLat.p99 } },
      {
        name: 'report: indicator report, live, CPU time, p50',
        value: latencies(liveMs.cpu.subject).p50,
        unit: 'ms',
        baseline: { label: `${label}, its CPU time`, value: latencies(liveMs.cpu.baseline).p50 },
        note: 'the time the report itself takes on a machine with a core to spare',
      },
      {
        name: 'report: indicator report, as known on, p50',
        value: knownLat.p50,
        unit: 'ms',
        baseline: { label: `${label} (participants + milestones)`, value: factsLat.p50 },
        target: { op: '<=', value: 1000 },
        note: `${Number(changed.n).toLocaleString('en-US')} participants with facts recorded or retracted after the cut-off; counted from their outcome versions (${Number(versions.n).toLocaleString('en-US')} rows in the project)`,
        details: { asKnownOn, runs: KNOWN_ON_RUNS, p99: knownLat.p99, changedAfterCutOff: Number(changed.n), versionRows: Number(versions.n) },
      },
      ...(await postgresReport(log, PROJECTION_SOURCES, period)),
    ];
  } finally {
    plain.close();
    await db.destroy();
  }
}

/** Read models rebuilt from the log once, and again only when the log or the code that projects it changes. */
export async function cachedReadModels(log: string): Promise<string> {
  const stem = basename(log).replace(/\.db$/, '');
  const path = join(CACHE_DIR, `${stem}-rm-${sourceHash(PROJECTION_SOURCES)}.db`);
  return cachedFile(path, `${stem}-rm-`, async (partial) => {
    progress('rebuilding the read models from the cached log (set-up, not timed; about 2 minutes at BENCH_SCALE=1)');
    const store = new SqliteEventStore(log);
    const { db } = openReadModelDb({ engine: 'sqlite', file: partial });
    try {
      await ensureSchema(db);
      let shown = 0;
      await rebuildReadModels(store, db, ({ processed, total }) => {
        if (processed < shown + total / 5) return;
        shown = processed;
        progress(`rebuilt ${Math.round((processed / total) * 100)}% of ${total.toLocaleString('en-US')} events`);
      });
    } finally {
      await db.destroy();
      await store.close();
    }
  });
}

/**
 * Subject and baseline take turns, after one warm-up of each, so a slow spell of the machine hits
 * both. Wall times (ms) and, in `cpu`, the CPU time (ms) each run took: what a report costs
 * whatever else runs on the machine.
 */
async function alternate(runs: number, subject: () => Promise<unknown>, baseline: () => Promise<unknown>) {
  await subject();
  await baseline();
  const samples = { subject: [] as number[], baseline: [] as number[], cpu: { subject: [] as number[], baseline: [] as number[] } };
  const time = async (fn: () => Promise<unknown>, side: 'subject' | 'baseline') => {
    const [start, cpu] = [performance.now(), process.cpuUsage()];
    await fn();
    const used = process.cpuUsage(cpu);
    samples.cpu[side].push((used.user + used.system) / 1000);
    samples[side].push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    await time(subject, 'subject');
    await time(baseline, 'baseline');
  }
  return samples;
}

async function countParticipants(db: Kysely<ReadModelSchema>): Promise<number> {
  const query = db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n'));
  return Number((await query.where('project_id', '=', REPORT_PROJECT).executeTakeFirstOrThrow()).n);
}

/** Half-way between the project's first and last recorded milestone: the report as it stood then. */
async function midwayInstant(db: Kysely<ReadModelSchema>): Promise<string> {
  const { first, last } = await db
    .selectFrom('milestones')
    .select((eb) => [eb.fn.min('recorded_at').as('first'), eb.fn.max('recorded_at').as('last')])
    .where('project_id', '=', REPORT_PROJECT)
    .executeTakeFirstOrThrow();
  return new Date((Date.parse(first) + Date.parse(last)) / 2).toISOString();
}

/**
 * The log position a store would cut off at for `instant`: the demo appends its history in
 * recording order, so its commit times are its recording times and this is the last milestone
 * recorded by then (what `EventStore.cutOffAt` answers, without opening the log here).
 */
async function lastPositionRecordedBy(db: Kysely<ReadModelSchema>, instant: string): Promise<number> {
  const { position } = await db
    .selectFrom('milestones')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('recorded_at', '<=', instant)
    .executeTakeFirstOrThrow();
  return Number(position ?? 0);
}

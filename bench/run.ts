import { join } from 'node:path';
import { backupStores } from './backup.bench';
import { demoGeneration } from './demo-generation.bench';
import { emmettAppends } from './emmett-appends.bench';
import { emmettProjections } from './emmett-projections.bench';
import { funderExports } from './export.bench';
import { httpMilestones } from './http.bench';
import { importParticipants } from './import.bench';
import { indicatorReports } from './indicator-report.bench';
import { kafkaRelay } from './kafka-relay.bench';
import { longStreamCommands } from './long-stream.bench';
import { SCALE } from './measure';
import { Measurement, printTable, reported, writeResults } from './report';
import { projectionLag } from './projection-lag.bench';
import { rebuildAvailability } from './rebuild-availability.bench';
import { replayReadModels } from './replay.bench';
import { sqliteAppends } from './sqlite-appends.bench';
import { suppressionTimes } from './suppression.bench';
import { webPerformance } from './web.bench';

/**
 * Each suite runs its own baseline, so its ratios hold however busy the machine is.
 * 'replay' and 'report' share a demo log seeded once into bench/.cache/ (see cache.ts and
 * demo-log.ts): the first run at BENCH_SCALE=1 spends about 6.5 minutes seeding it and 2 more
 * building the report's read models (about 15 minutes in all); later runs take about 8.
 * 'export' reuses the report's read models; 'relay' needs the broker of scripts/kafka-local.sh,
 * and starts (then stops) it if it is not running. 'web' needs `npm run build` first.
 */
const SUITES: Record<string, () => Promise<Measurement[]>> = {
  sqlite: sqliteAppends,
  emmett: emmettAppends,
  http: httpMilestones,
  replay: replayReadModels,
  'emmett-projections': emmettProjections,
  report: indicatorReports,
  lag: projectionLag,
  relay: kafkaRelay,
  export: funderExports,
  'long-stream': longStreamCommands,
  backup: backupStores,
  demo: demoGeneration,
  suppression: suppressionTimes,
  availability: rebuildAvailability,
  web: webPerformance,
  import: importParticipants,
};

/** `npm run bench` runs every suite; `npm run bench -- sqlite http` runs those named. */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in SUITES));
  if (unknown.length > 0) throw new Error(`Unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  const names = asked.length > 0 ? asked : Object.keys(SUITES);

  const startedAt = new Date();
  const rows: Measurement[] = [];
  for (const name of names) {
    console.error(`[${name}] BENCH_SCALE=${SCALE}`);
    const started = Date.now();
    rows.push(...(await SUITES[name]!()));
    console.error(`[${name}] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const results = rows.map(reported);
  console.log('');
  printTable(results);
  const path = writeResults(join(__dirname, 'results'), names.length === Object.keys(SUITES).length ? 'bench' : names.join('-'), startedAt, results);
  console.log(`\nwritten to ${path} and latest.json`);
}

// No process.exit(): every suite closes what it opened, and a hang here shows a leak.
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

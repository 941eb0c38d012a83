import { performance } from 'node:perf_hooks';
import { exportFile, ExportFormat } from '@pathway/exports';
import { openReadModelDb } from '@pathway/read-models';
import { exportableReport } from '@pathway/runtime';
import { REPORT_PROJECT, sharedDemoLog } from './demo-log';
import { cachedReadModels, TO } from './indicator-report.bench';
import { latencies, progress } from './measure';
import { Measurement } from './report';

const RUNS = 6; // even, so each order of export and baseline runs as often
/** The live report over the same period as the report suite. */
const QUERY = { from: null, to: TO, asKnownOn: null };
/** What the CLI and API pass by default; suppression walks every figure, so it is part of the cost. */
const OPTIONS = { suppressionThreshold: 5 };

/**
 * A funder export of the demo's biggest project (100,000 participants at BENCH_SCALE=1) from the
 * report suite's cached read models, as `pathway export` makes it: the report, then the file.
 * Baseline: the same report alone, taking turns with the export so a slow spell hits both.
 * Information only: the issue asks what an XLSX export costs, and sets no target.
 */
export async function funderExports(): Promise<Measurement[]> {
  const readModels = openReadModelDb({ engine: 'sqlite', file: await cachedReadModels(await sharedDemoLog()) });
  try {
    const report = async () => {
      const exportable = await exportableReport(readModels, REPORT_PROJECT, QUERY);
      if (!exportable) throw new Error(`Project ${REPORT_PROJECT} is missing from the read models`);
      return exportable;
    };
    const serialise = async (exportable: Awaited<ReturnType<typeof report>>, format: ExportFormat) => {
      const start = performance.now();
      const file = await exportFile(exportable.report, exportable.project, format, OPTIONS);
      return { ms: performance.now() - start, bytes: file.body.length };
    };
    const ms = { alone: [] as number[], report: [] as number[], xlsx: [] as number[], total: [] as number[], csv: [] as number[], json: [] as number[] };
    const bytes = { xlsx: 0, csv: 0, json: 0 };
    progress(`${RUNS} exports of ${REPORT_PROJECT} (report + XLSX, then CSV and JSON from the same report), taking turns with the report alone`);
    const timed = async <T>(fn: () => Promise<T>) => {
      const start = performance.now();
      return { result: await fn(), ms: performance.now() - start };
    };
    for (let run = 0; run <= RUNS; run++) {
      const warmUp = run === 0; // JIT and SQLite page cache; not kept
      // Each report leaves hundreds of MB of rows behind, and the major GC lands on whichever call
      // comes next: the order swaps every run so it falls on export and baseline alike.
      const aloneFirst = run % 2 === 0;
      const before = aloneFirst ? await timed(report) : undefined;
      const { result: exportable, ms: reportMs } = await timed(report);
      const xlsx = await serialise(exportable, 'xlsx');
      const alone = before?.ms ?? (await timed(report)).ms;
      // CSV and JSON are not in the total: one export is one format.
      const csv = await serialise(exportable, 'csv');
      const json = await serialise(exportable, 'json');
      if (warmUp) continue;
      ms.alone.push(alone);
      ms.report.push(reportMs);
      ms.xlsx.push(xlsx.ms);
      ms.total.push(reportMs + xlsx.ms);
      ms.csv.push(csv.ms);
      ms.json.push(json.ms);
      Object.assign(bytes, { xlsx: xlsx.bytes, csv: csv.bytes, json: json.bytes });
    }
    const p50 = (samples: number[]) => latencies(samples).p50;
    const baseline = { label: 'indicator report alone (exportableReport)', value: p50(ms.alone) };
    return [
      {
        name: 'export: XLSX export (report + file), p50',
        value: p50(ms.total),
        unit: 'ms',
        baseline,
        note: `information, no target; report ${p50(ms.report).toFixed(0)} ms + XLSX ${p50(ms.xlsx).toFixed(0)} ms, ${(bytes.xlsx / 1024).toFixed(1)} KB`,
        details: { projectId: REPORT_PROJECT, query: QUERY, ...OPTIONS, runs: RUNS, p99: latencies(ms.total).p99, bytes },
      },
      { name: 'export: report computation, p50', value: p50(ms.report), unit: 'ms', baseline },
      // exportFile builds the rows and applies suppression before writing: the whole step after the report.
      { name: 'export: XLSX serialisation, p50', value: p50(ms.xlsx), unit: 'ms', baseline, details: { p99: latencies(ms.xlsx).p99 } },
      { name: 'export: XLSX file size', value: bytes.xlsx, unit: 'bytes' },
      { name: 'export: CSV serialisation, p50', value: p50(ms.csv), unit: 'ms', baseline, details: { bytes: bytes.csv } },
      { name: 'export: JSON serialisation, p50', value: p50(ms.json), unit: 'ms', baseline, details: { bytes: bytes.json } },
    ];
  } finally {
    await readModels.db.destroy();
  }
}

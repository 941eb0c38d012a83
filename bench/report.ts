import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { SCALE } from './measure';

export interface Target {
  op: '>=' | '<=';
  value: number;
}

/** One row of the results. `ratio` is always value / baseline, measured in the same run. */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  target?: Target;
  /** Something a reader must know to trust the figure, such as a peer's failure. */
  note?: string;
  details?: Record<string, unknown>;
}

export interface ReportedMeasurement extends Measurement {
  ratio: number | null;
  met: boolean | null;
}

export function reported(m: Measurement): ReportedMeasurement {
  const ratio = m.baseline && m.baseline.value !== 0 ? m.value / m.baseline.value : null;
  const met = m.target ? (m.target.op === '>=' ? m.value >= m.target.value : m.value <= m.target.value) : null;
  return { ...m, ratio, met };
}

export function printTable(rows: ReportedMeasurement[]): void {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    r.baseline ? `${formatNumber(r.baseline.value)} (${r.baseline.label})` : '',
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}x`,
    r.target ? `${r.target.op} ${formatNumber(r.target.value)}` : '',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 1 || i === 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  cells.forEach((c) => console.log(line(c)));
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) console.log('');
  notes.forEach((r) => console.log(`* ${r.name}: ${r.note}`));
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(2);
}

/** Writes `<name>-<timestamp>.json` and `latest.json`; returns the path of the first. */
export function writeResults(dir: string, name: string, startedAt: Date, rows: ReportedMeasurement[]): string {
  mkdirSync(dir, { recursive: true });
  const body = JSON.stringify(
    {
      name,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      scale: SCALE,
      machine: { node: process.version, platform: platform(), cpus: cpus().length, cpuModel: cpus()[0]?.model },
      results: rows,
    },
    null,
    2,
  );
  // Colons are legal on Linux but not on every file system a results folder gets copied to.
  const path = join(dir, `${name}-${startedAt.toISOString().replace(/:/g, '-')}.json`);
  writeFileSync(path, `${body}\n`);
  writeFileSync(join(dir, 'latest.json'), `${body}\n`);
  return path;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Multiplies every count and duration, so a quick run and a long one share the code. */
export const SCALE = parseScale(process.env.BENCH_SCALE);

function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number (got "${raw}")`);
  return scale;
}

export function scaled(count: number): number {
  return Math.max(1, Math.round(count * SCALE));
}

export interface Latencies {
  p50: number;
  p99: number;
}

export function latencies(samplesMs: number[]): Latencies {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: at(50), p99: at(99) };
}

export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
}

/** A directory of its own, removed by `remove()` whatever happened in it. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `pathway-bench-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Progress goes to stderr so stdout holds only the results table. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

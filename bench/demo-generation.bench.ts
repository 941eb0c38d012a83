import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemo } from '@pathway/demo';
import { SqliteEventStore } from '@pathway/event-store';
import { DEMO_SEED } from './demo-log';
import { perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const ROUNDS = 3;
const TARGET = { op: '>=', value: 20_000 } as const;

/**
 * Demo generation into a fresh SQLite file (`synchronous=NORMAL`, as `pathway demo` opens it):
 * the fast path (each participant's commands decided in one go on worker threads, one per core
 * beyond the first, their appends merged into log order and written in batches through
 * `appendBatch`) against the slow path in the same run (every command reads its stream and
 * appends alone, as an API request does). Both run every command through the same deciders and
 * write the same log (libs/demo/src/generate-demo.int-spec.ts). Rounds alternate the two, so
 * a busy machine weighs on both alike; each row gives the best round, the details every one, and
 * events per CPU-second of the process, all its threads (what the generator itself costs,
 * whatever else runs on the machine).
 */
export async function demoGeneration(): Promise<Measurement[]> {
  const participants = scaled(10_000);
  const dir = tempDir('demo');
  const rounds: Array<{ fast: Rate; slow: Rate }> = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      progress(`round ${round} of ${ROUNDS}: ${participants.toLocaleString('en-US')} participants, slow path then fast path`);
      const slow = await generate(join(dir.path, `slow-${round}.db`), participants, false);
      const fast = await generate(join(dir.path, `fast-${round}.db`), participants, true);
      rounds.push({ fast, slow });
    }
  } finally {
    dir.remove();
  }
  const best = (pick: (r: { fast: Rate; slow: Rate }) => number) => Math.max(...rounds.map(pick));
  return [
    {
      name: 'demo: generation through the deciders, fast path',
      value: best((r) => r.fast.perSecond),
      unit: 'events/s',
      baseline: { label: 'the slow path (read, fold, append per command), same run', value: best((r) => r.slow.perSecond) },
      target: TARGET,
      details: { participants, events: rounds[0]!.fast.events, rounds },
    },
    {
      name: 'demo: generation, fast path per CPU-second',
      value: best((r) => r.fast.perCpuSecond),
      unit: 'events/CPU-s',
      baseline: { label: 'the slow path per CPU-second, same run', value: best((r) => r.slow.perCpuSecond) },
    },
  ];
}

interface Rate {
  events: number;
  perSecond: number;
  perCpuSecond: number;
}

async function generate(path: string, participants: number, batchAppends: boolean): Promise<Rate> {
  const store = new SqliteEventStore(path, { synchronous: 'NORMAL' });
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const { events } = await generateDemo(store, { participants, seed: DEMO_SEED, batchAppends });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { events, perSecond: perSecond(events, ms), perCpuSecond: perSecond(events, (used.user + used.system) / 1000) };
  } finally {
    await store.close();
  }
}

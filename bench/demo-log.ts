import Database from 'better-sqlite3';
import { basename, join } from 'node:path';
import { DEMO_PROJECTS, generateDemo } from '@pathway/demo';
import { SqliteEventStore } from '@pathway/event-store';
import { apportion } from '../libs/demo/src/demo-sources';
import { CACHE_DIR, cachedFile, sourceHash } from './cache';
import { progress, scaled } from './measure';

export const DEMO_SEED = 1;
/** The demo project the report suite needs 100,000 participants in (140 of every 400 participants). */
export const REPORT_PROJECT = '2021-ESF-FS-07';

/**
 * The one log the replay and report suites share: big enough for scaled(100,000) participants
 * in REPORT_PROJECT (285,715 participants, about 2.2 million events at BENCH_SCALE=1); replay
 * takes a prefix of it. Seeding goes through the application layer, about 1.4 minutes per
 * 100,000 participants on this machine, so it is done once and cached (see cache.ts).
 */
export function sharedDemoLog(): Promise<string> {
  return demoLog(participantsFor(REPORT_PROJECT, scaled(100_000)));
}

/** Participants the demo needs so that project `projectId` gets at least `wanted` of them. */
export function participantsFor(projectId: string, wanted: number): number {
  const weights = DEMO_PROJECTS.map((p) => p.details.plannedParticipants);
  const index = DEMO_PROJECTS.findIndex((p) => p.details.projectId === projectId);
  const total = weights.reduce((a, b) => a + b, 0);
  let participants = Math.ceil((wanted * total) / weights[index]!);
  while (apportion(participants, weights)[index]! < wanted) participants++;
  return participants;
}

/** A demo log of `participants` (seed 1), named after the generator's source so a changed generator seeds again. */
export function demoLog(participants: number): Promise<string> {
  const stem = `demo-p${participants}-s${DEMO_SEED}-`;
  const path = join(CACHE_DIR, `${stem}${sourceHash(['libs/demo/src'])}.db`);
  // Replaces logs of the same size made by an older generator; other sizes (BENCH_SCALE) stay.
  return cachedFile(path, stem, async (partial) => {
    progress(`seeding ${participants.toLocaleString('en-US')} demo participants into ${path} (once; about 1.4 min per 100,000)`);
    const started = Date.now();
    // NORMAL: a bulk import; if the run dies, the `.partial` file is never used.
    const store = new SqliteEventStore(partial, { synchronous: 'NORMAL' });
    let shown = 0;
    const summary = await generateDemo(store, {
      participants,
      seed: DEMO_SEED,
      onProgress: (done, total) => {
        if (done / total < shown + 0.1 && done !== total) return;
        shown = done / total;
        progress(`seeded ${Math.round(shown * 100)}% of ${total.toLocaleString('en-US')} commands`);
      },
    });
    await store.close();
    progress(`seeded ${summary.events.toLocaleString('en-US')} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
}

/**
 * The first `events` positions of a cached log, as a store of their own. The demo appends in
 * order of recording time, so a prefix is the log as it stood on an earlier day: realistic too.
 */
export async function logPrefix(source: string, events: number): Promise<{ path: string; events: number }> {
  const stem = basename(source).replace(/\.db$/, '');
  const path = await cachedFile(join(CACHE_DIR, `${stem}-first${events}.db`), `${stem}-first`, async (partial) => {
    await new SqliteEventStore(partial).close(); // the store's own schema and indexes
    const db = new Database(partial);
    try {
      db.pragma('synchronous = OFF'); // a copy, remade if the run dies
      db.prepare('ATTACH DATABASE ? AS source').run(source);
      db.prepare('INSERT INTO main.events SELECT * FROM source.events WHERE position <= ? ORDER BY position').run(events);
      db.exec('DETACH DATABASE source');
    } finally {
      db.close();
    }
  });
  const db = new Database(path, { readonly: true });
  try {
    return { path, events: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events').get()!.n };
  } finally {
    db.close();
  }
}

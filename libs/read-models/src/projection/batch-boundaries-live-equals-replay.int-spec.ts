import { generateDemo } from '@pathway/demo';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { liveAndReplay } from '../testing/live-and-replay';
import { testEngines } from '../testing/read-model-engines';

/** Events per rebuild batch: small, so nearly every participant's events fall in several batches. */
const BATCH = 7;

/**
 * A rebuild writes each batch in bulk and derives outcomes once at the end (bulk-load.ts): its
 * tables still equal the live projection's when a participant's events, and a retraction and
 * the milestone it retracts, fall in different batches, and when the rebuild is stopped between
 * batches and resumed from its checkpoint.
 */
describe.each(testEngines())('rebuild across batch boundaries equals live on %s', (engine) => {
  const { store, open } = liveAndReplay(engine);

  it('builds the same rows with retractions in a later batch than their milestone, stopped once and resumed', async () => {
    const { events } = await generateDemo(store, { participants: 40, seed: 3 });
    const log = await store.readAll(0, events);
    const batchOf = new Map(log.map((e, i) => [e.eventId, Math.floor(i / BATCH)]));
    const retractions = log.filter((e) => e.type === 'MilestoneRetracted');
    const batchOfTarget = (e: (typeof log)[number]) => batchOf.get(String(e.data.retractedEventId));
    // The cases the bulk load treats apart: a retraction of a milestone written by an earlier batch, and of one in its own.
    expect(retractions.some((e) => batchOfTarget(e)! < batchOf.get(e.eventId)!)).toBe(true);
    expect(retractions.some((e) => batchOfTarget(e) === batchOf.get(e.eventId))).toBe(true);

    const live = await open();
    const replayed = await open();
    try {
      await new ProjectionRunner(store, live.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 1 }).catchUp();
      // Stopped as if killed after a third of the log; the next run resumes from the rebuild's checkpoint.
      const stop = new Error('stopped');
      const stopped = await rebuildReadModels(
        store,
        replayed.db,
        ({ processed }) => {
          if (processed > events / 3) throw stop;
        },
        BATCH,
      ).catch((e: unknown) => e);
      expect(stopped).toBe(stop);
      const { position } = await rebuildReadModels(store, replayed.db, () => undefined, BATCH);

      expect(position).toBe(log.at(-1)!.position);
      const [a, b] = [await dumpTables(live.db), await dumpTables(replayed.db)];
      expect(a.participants).toHaveLength(40);
      expect(a.milestones.some((m) => m.retracted_by !== null)).toBe(true);
      expect(b).toEqual(a);
    } finally {
      await live.db.destroy();
      await replayed.db.destroy();
    }
  }, 120_000);
});

import { generateDemo } from '@pathway/demo';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { liveAndReplay } from '../testing/live-and-replay';
import { testEngines } from '../testing/read-model-engines';

/** The log is the only source of truth: read models built live equal those rebuilt from scratch. */
describe.each(testEngines())('live equals replay on %s', (engine) => {
  const { store, open } = liveAndReplay(engine);

  it('builds the same tables event by event as in one rebuild, row for row', async () => {
    const { events } = await generateDemo(store, { participants: 300, seed: 7 });
    const live = await open();
    const replayed = await open();
    try {
      // Live: one event per transaction, as the projector follows appends one at a time.
      const runner = new ProjectionRunner(store, live.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 1 });
      expect(await runner.catchUp()).toBe(events);
      await rebuildReadModels(store, replayed.db, () => undefined, 5000);

      const [a, b] = [await dumpTables(live.db), await dumpTables(replayed.db)];
      expect(a.participants).toHaveLength(300);
      expect(a.milestones.some((m) => m.retracted_by !== null)).toBe(true);
      expect(b).toEqual(a);
    } finally {
      await live.db.destroy();
      await replayed.db.destroy();
    }
  }, 600_000); // 300 participants event by event on PostgreSQL: about 60 s on a loaded machine, over 180 s at load average 20
});

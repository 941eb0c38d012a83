import { existsSync } from 'node:fs';
import { toDomainEvent } from '@pathway/application';
import { cutOffFor, ProjectDetailsChanged, ProjectRegistered, ZONE_OF_PROJECTS_BEFORE_TIME_ZONES } from '@pathway/domain';
import { EventStore, RecordedEvent } from '@pathway/event-store';
import { ensureSchema, LIVE_PROJECTION, LIVE_TABLES, openReadModelDb, ProjectionRunner } from '@pathway/read-models';

/**
 * Where an evaluator's copy stops: a log position, an instant (what the store had committed by
 * then, by its commit clock), or a date (the end of that day in each project's own time zone).
 */
export type EvaluatorCopyCutoff = { position: number } | { instant: string } | { date: string };

/**
 * Writes the read models as known at `cutoff` into a new SQLite file `out` (refused if it
 * exists), replaying the log from position 0; the live read models are left alone. Calls
 * `onProgress(processed, total)` as batches apply (events; total is the head, or the cut-off
 * position if lower). The copy holds what the read models hold: no names, identity numbers or
 * free text (those stay encrypted in the log). Used by `pathway replay --until` and the API's
 * evaluator-copy jobs. Returns the events applied.
 */
export async function buildEvaluatorCopy(
  store: EventStore,
  cutoff: EvaluatorCopyCutoff,
  out: string,
  onProgress: (processed: number, total: number) => void = () => undefined,
): Promise<{ total: number }> {
  if (existsSync(out)) throw new Error(`${out} already exists: an evaluator copy is written to a new file`);
  const { db } = openReadModelDb({ engine: 'sqlite', file: out });
  try {
    await ensureSchema(db);
    const head = await store.headPosition();
    const until = 'position' in cutoff ? cutoff.position : 'instant' in cutoff ? await store.cutOffAt(cutoff.instant) : undefined;
    const include = 'date' in cutoff ? endOfDayInEachProject(cutoff.date) : undefined;
    const runner = new ProjectionRunner(store, db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 2000, until, include });
    const total = until === undefined ? head : Math.min(head, until);
    onProgress(0, total);
    await runner.catchUp((applied) => onProgress(Math.min(applied, total), total));
    onProgress(total, total);
    return { total };
  } finally {
    await db.destroy();
  }
}

/**
 * A date cut-off over every project: what the store committed by the end of that day in each
 * event's project's zone. The log names each project's zone in its registration (or a later
 * change of details), which comes before any of its participants' events.
 */
function endOfDayInEachProject(date: string): (event: RecordedEvent) => boolean {
  const cutOffs = new Map<string, string>();
  const cutOffOf = (projectId: string) => cutOffs.get(projectId) ?? cutOffFor(date, ZONE_OF_PROJECTS_BEFORE_TIME_ZONES);
  return (event) => {
    let projectId = String(event.metadata.projectId);
    if (event.type === 'ProjectRegistered' || event.type === 'ProjectDetailsChanged') {
      // A change moves the zone only before the project's first enrolment (PROJECT.TIME_ZONE_FIXED).
      const { data } = toDomainEvent<ProjectRegistered | ProjectDetailsChanged>(event);
      projectId = data.projectId;
      cutOffs.set(projectId, cutOffFor(date, data.timeZone));
    }
    return event.committedAt <= cutOffOf(projectId);
  };
}

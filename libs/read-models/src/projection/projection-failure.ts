import { Kysely } from 'kysely';
import { classifyStorageError, RecordedEvent } from '@pathway/event-store';
import { ReadModelSchema } from '../schema/read-model-schema';

/** PostgreSQL data exceptions an event's content can cause, in words (SQLSTATE class 22). */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22021': 'a text holds a character PostgreSQL cannot store (such as NUL)',
  '22P05': 'a text holds a character PostgreSQL cannot store in JSON (such as \\u0000)',
  '22001': 'a text is longer than its column allows',
  '22003': 'a number is out of range for its column',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
};

/**
 * Why a projection or rebuild failed, in words safe to store, show and log: the storage code,
 * the SQLSTATE with its meaning, or the error's name. Never the message, which can quote the
 * values (personal data among them).
 */
export function describeProjectionError(error: unknown): string {
  const storage = classifyStorageError(error);
  if (storage) return `${storage.code} (${storage.cause})`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `SQLSTATE ${code}${DATA_EXCEPTIONS[code] ? `: ${DATA_EXCEPTIONS[code]}` : ''}`;
  if (error instanceof ProjectionFailedError) return error.message;
  return error instanceof Error ? `${error.name} in the projection code` : 'an unknown error';
}

/** One event the projection cannot apply: it stops there (the checkpoint stays before it) and says why. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Projection ${projection} failed at position ${position}, because ${reason}`);
    this.name = 'ProjectionFailedError';
  }
}

/** Records where and why the projection stopped (one row per projection), for the status and the alert metric. */
export async function recordProjectionFailure(db: Kysely<ReadModelSchema>, name: string, event: RecordedEvent, error: unknown): Promise<ProjectionFailedError> {
  const failure = new ProjectionFailedError(name, event.position, `event ${event.type} cannot be applied: ${describeProjectionError(error)}`);
  const row = { position: event.position, reason: failure.reason, failed_at: new Date().toISOString() };
  await db
    .insertInto('projection_failures')
    .values({ name, ...row })
    .onConflict((oc) => oc.column('name').doUpdateSet(row))
    .execute()
    .catch(() => undefined); // the store itself may be the trouble: the error is thrown either way
  return failure;
}

/** The projection moved past its failure (a fixed version, a repaired store). */
export async function clearProjectionFailure(db: Kysely<ReadModelSchema>, name: string): Promise<void> {
  await db.deleteFrom('projection_failures').where('name', '=', name).execute();
}

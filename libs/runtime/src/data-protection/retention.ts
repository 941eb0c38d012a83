import { Kysely } from 'kysely';
import { CommandDependencies, loadProjectState, participantStream, RequestContext } from '@pathway/application';
import { calendarDateIn, DomainError, IsoDate, retentionPassed } from '@pathway/domain';
import { KeyStore } from '@pathway/privacy';
import { ReadModelSchema } from '@pathway/read-models';
import { erasePersonalDataAndKey } from './erase-personal-data';

/** The reason every erasure made by the retention run records. */
export const RETENTION_ERASURE_REASON = 'retention period ended';

/** A project's retention end as the log holds it, judged on the project's own calendar. */
export interface ProjectRetention {
  projectId: string;
  name: string;
  timeZone: string;
  retentionEnd: IsoDate;
  basis: string;
  lastPaymentOn: IsoDate | null;
  /** Today in the project's time zone. */
  today: IsoDate;
  /** Whether today is after the retention end: the participants' personal data is to be erased. */
  passed: boolean;
}

/**
 * Every project with a retention end, from the projects table (which projects exist) and each
 * project's stream (its retention end: the log decides, not a read model that may lag).
 */
export async function projectRetentions(deps: Pick<CommandDependencies, 'store' | 'states' | 'now'>, readModels: Kysely<ReadModelSchema>): Promise<ProjectRetention[]> {
  const ids = (await readModels.selectFrom('projects').select('project_id').orderBy('project_id').execute()).map((p) => p.project_id);
  const retentions: ProjectRetention[] = [];
  for (const projectId of ids) {
    const state = await loadProjectState(deps, projectId);
    if (state.status !== 'registered' || !state.retention) continue;
    const today = calendarDateIn(deps.now(), state.details.timeZone);
    const { retentionEnd, basis, lastPaymentOn } = state.retention;
    retentions.push({ projectId, name: state.details.name, timeZone: state.details.timeZone, retentionEnd, basis, lastPaymentOn, today, passed: retentionPassed(retentionEnd, today) });
  }
  return retentions;
}

/**
 * The participants of a project whose personal data is not erased yet, by pseudonymous id in
 * id order (the read models list who is enrolled; each stream says whether they were erased).
 */
export async function participantsNotErased(deps: Pick<CommandDependencies, 'store'>, readModels: Kysely<ReadModelSchema>, projectId: string): Promise<string[]> {
  const rows = await readModels.selectFrom('participants').select('participant_id').where('project_id', '=', projectId).orderBy('participant_id').execute();
  const left: string[] = [];
  for (const { participant_id: participantId } of rows) {
    const events = await deps.store.readStream(participantStream(participantId));
    if (!events.some((e) => e.type === 'PersonalDataErased')) left.push(participantId);
  }
  return left;
}

export interface RetentionRun {
  /** Projects whose retention end has passed. */
  projects: Array<ProjectRetention & { participants: string[] }>;
  /** Erased by this run (empty for a dry run). */
  erased: string[];
  /** Found erased already when this run came to them (by someone else meanwhile). */
  alreadyErased: string[];
}

/**
 * Erases the personal data of every participant of every project whose retention end has
 * passed (today in the project's zone after the end), through the same path as
 * `DELETE /participants/{id}/personal-data` with the reason "retention period ended". Counts are
 * untouched: an erasure forgets the person, never the pathway. Idempotent and resumable: a
 * participant erased already (by an earlier run cut short, or by an admin) is skipped, and one
 * whose erasure event is in the log but whose key survived a crash gets the key destroyed.
 * `dryRun` only lists them. `onErased` is called after each erasure (progress).
 */
export async function runRetention(
  sources: { deps: CommandDependencies; keys: KeyStore; readModels: Kysely<ReadModelSchema> },
  { dryRun, caller, onErased = () => undefined }: { dryRun: boolean; caller: RequestContext; onErased?: (participantId: string) => void },
): Promise<RetentionRun> {
  const { deps, keys, readModels } = sources;
  const passed = (await projectRetentions(deps, readModels)).filter((p) => p.passed);
  const projects = [];
  for (const project of passed) projects.push({ ...project, participants: await participantsNotErased(deps, readModels, project.projectId) });
  const run: RetentionRun = { projects, erased: [], alreadyErased: [] };
  if (dryRun) return run;
  for (const participantId of projects.flatMap((p) => p.participants)) {
    try {
      await erasePersonalDataAndKey(deps, keys, participantId, RETENTION_ERASURE_REASON, caller);
      run.erased.push(participantId);
      onErased(participantId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'PARTICIPANT.PERSONAL_DATA_ERASED')) throw error;
      run.alreadyErased.push(participantId);
    }
  }
  return run;
}

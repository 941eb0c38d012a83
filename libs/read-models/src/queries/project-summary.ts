import { Kysely } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface ProjectSummary {
  projectId: string;
  name: string;
  owner: string;
  fund: string;
  programme: string;
  specificObjective: string;
  region: string;
  startDate: string;
  endDate: string;
  plannedParticipants: number;
  /** The IANA zone the project's dates are read in, e.g. `Europe/Stockholm`. */
  timeZone: string;
  participants: { enrolled: number; active: number; exited: number };
  /** Enrolled against planned, e.g. 0.5 for 40 of 80. */
  targetAchievement: number;
}

/** One project's summary, or null when no such project is known to the read models. */
export async function projectSummary(db: Kysely<ReadModelSchema>, projectId: string): Promise<ProjectSummary | null> {
  return (await projectSummaries(db, [projectId]))[0] ?? null;
}

/**
 * The summaries of the projects named (`'all'`: every project), ordered by name then id, in two
 * queries whatever their number: the projects, and their participants counted by status.
 */
export async function projectSummaries(db: Kysely<ReadModelSchema>, projectIds: readonly string[] | 'all'): Promise<ProjectSummary[]> {
  if (projectIds !== 'all' && projectIds.length === 0) return [];
  let projects = db.selectFrom('projects').selectAll().orderBy('name').orderBy('project_id');
  let counts = db
    .selectFrom('participants')
    .select(['project_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['project_id', 'status']);
  if (projectIds !== 'all') {
    projects = projects.where('project_id', 'in', projectIds);
    counts = counts.where('project_id', 'in', projectIds);
  }
  const [rows, countRows] = await Promise.all([projects.execute(), counts.execute()]);
  return rows.map((project) => {
    const count = (status: string) => Number(countRows.find((c) => c.project_id === project.project_id && c.status === status)?.n ?? 0);
    const enrolled = count('active') + count('exited');
    return {
      projectId: project.project_id,
      name: project.name,
      owner: project.owner,
      fund: project.fund,
      programme: project.programme,
      specificObjective: project.specific_objective,
      region: project.region,
      startDate: project.start_date,
      endDate: project.end_date,
      plannedParticipants: project.planned_participants,
      timeZone: project.time_zone,
      participants: { enrolled, active: count('active'), exited: count('exited') },
      targetAchievement: enrolled / project.planned_participants,
    };
  });
}

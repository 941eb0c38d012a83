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

export async function projectSummary(db: Kysely<ReadModelSchema>, projectId: string): Promise<ProjectSummary | null> {
  const project = await db.selectFrom('projects').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  const counts = await db
    .selectFrom('participants')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', projectId)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const enrolled = count('active') + count('exited');
  return {
    projectId,
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
}

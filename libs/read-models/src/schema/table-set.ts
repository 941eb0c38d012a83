/**
 * The projected tables under their live names or, while a rebuild runs, under `next_` names.
 * The names are typed as the live ones so every query is written once.
 */
export interface TableSet {
  projects: 'projects';
  participants: 'participants';
  milestones: 'milestones';
  versions: 'participant_versions';
}

export const LIVE_TABLES: TableSet = { projects: 'projects', participants: 'participants', milestones: 'milestones', versions: 'participant_versions' };

export const NEXT_TABLES = {
  projects: 'next_projects',
  participants: 'next_participants',
  milestones: 'next_milestones',
  versions: 'next_participant_versions',
} as unknown as TableSet;

export const tableNames = (set: TableSet): string[] => [set.projects, set.participants, set.milestones, set.versions];

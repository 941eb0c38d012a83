/**
 * The projected tables under their live names or, while a rebuild runs, under `next_` names.
 * The names are typed as the live ones so every query is written once.
 */
export interface TableSet {
  projects: 'projects';
  participants: 'participants';
  milestones: 'milestones';
}

export const LIVE_TABLES: TableSet = { projects: 'projects', participants: 'participants', milestones: 'milestones' };

export const NEXT_TABLES = {
  projects: 'next_projects',
  participants: 'next_participants',
  milestones: 'next_milestones',
} as unknown as TableSet;

export const tableNames = (set: TableSet): string[] => [set.projects, set.participants, set.milestones];

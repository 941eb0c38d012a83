import type { ProjectSummary } from '@pathway/read-models';

/** What an export says about the project; a `ProjectSummary` fits as it is. */
export type ExportProject = Pick<ProjectSummary, 'projectId' | 'name' | 'fund' | 'programme' | 'specificObjective' | 'region' | 'timeZone'>;

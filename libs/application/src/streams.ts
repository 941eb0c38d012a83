/** Stream names: one stream per project and per participant. */
export const projectStream = (projectId: string) => `project-${projectId}`;
export const participantStream = (participantId: string) => `participant-${participantId}`;

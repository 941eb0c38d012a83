import { framtid } from './framtid';
import { preliminaryStudy } from './preliminary-study';
import { recoveryVet } from './recovery-vet';
import { schoolCollaboration } from './school-collaboration';
import { DemoProject } from './demo-project';

/** The demo's projects. Their order is part of the seed's meaning: append, never reorder. */
export const DEMO_PROJECTS: ReadonlyArray<DemoProject> = [framtid, preliminaryStudy, recoveryVet, schoolCollaboration];

import { EntryProfile, IsoDate, Milestone, ProjectDetails } from '@pathway/domain';

/**
 * A command the demo sends through the application layer, with the simulated instant it is
 * recorded at (epoch ms) and the caseworker who records it. A retraction names its target
 * by index in the same participant's command list, because event ids are made from that.
 */
export type DemoCommand = { at: number; actor: string } & (
  | { kind: 'register'; project: ProjectDetails }
  | { kind: 'enrol'; participantId: string; projectId: string; enrolledOn: IsoDate; profile: EntryProfile }
  | { kind: 'record'; participantId: string; milestone: Milestone }
  | { kind: 'retract'; participantId: string; target: number; reason: string }
);

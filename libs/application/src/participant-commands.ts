import {
  EnrolParticipant,
  EntryCorrection,
  EntryProfile,
  IsoDate,
  Milestone,
  ParticipantCommand,
  participantDecider,
  ParticipantState,
  SealedData,
  SealedText,
  WithdrawalGround,
} from '@pathway/domain';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { handleCommand } from './handle-command';
import { participantIdFor } from './participant-id';
import { loadProject } from './project-commands';
import { projectOfParticipant, todayIn, todayInProject } from './project-today';
import { loadStream } from './stream-state-cache';
import { participantStream } from './streams';

export interface Enrolment {
  projectId: string;
  /** Optional: the server makes one (the same one again for a repeated Idempotency-Key). */
  participantId?: string;
  enrolledOn: IsoDate;
  profile: EntryProfile;
  /**
   * Seals the personal data with the participant's key (libs/privacy), making the key: called
   * only once the enrolment is decided, so a refused enrolment makes no key. Never clear text.
   */
  sealPersonal?: (participantId: string) => Promise<SealedData>;
  /** Personal data sealed beforehand (imports, tests): its key then exists before the decision. */
  personal?: SealedData;
}

const projectOfState = (state: ParticipantState) => state.projectId;

export async function enrolParticipant(
  deps: CommandDependencies,
  enrolment: Enrolment,
  request: RequestContext,
): Promise<CommandResult & { participantId: string }> {
  const participantId = participantIdFor(deps, enrolment, request);
  const project = await loadProject(deps, enrolment.projectId);
  const result = await handleCommand(
    deps,
    participantDecider,
    participantStream(participantId),
    {
      type: 'EnrolParticipant',
      data: { participantId, enrolledOn: enrolment.enrolledOn, profile: enrolment.profile, personal: enrolment.personal },
      project,
      today: todayIn(deps, project),
    },
    request,
    () => enrolment.projectId,
    async (events) => {
      const { sealPersonal } = enrolment;
      if (!sealPersonal) return events;
      const personal = await sealPersonal(participantId);
      return events.map((e) => (e.type === 'ParticipantEnrolled' ? { ...e, data: { ...e.data, personal } } : e));
    },
  );
  return { ...result, participantId };
}

/**
 * A qualification's text comes sealed with the participant's key (see `FreeText`). With
 * `inProject`, a participant of another project is refused as unknown (PARTICIPANT.NOT_FOUND).
 */
export const recordMilestone = (deps: CommandDependencies, participantId: string, milestone: Milestone, request: RequestContext, inProject?: string) =>
  decide(deps, { type: 'RecordMilestone', data: { participantId, milestone, ...(inProject === undefined ? {} : { inProject }) } }, request);

export const retractMilestone = (
  deps: CommandDependencies,
  participantId: string,
  /** `reason` sealed with the participant's key by the caller, after checking it is not blank. */
  retraction: { eventId: string; reason: SealedText },
  request: RequestContext,
) => decide(deps, { type: 'RetractMilestone', data: { participantId, ...retraction } }, request);

export const changeContactDetails = (deps: CommandDependencies, participantId: string, personal: SealedData, request: RequestContext) =>
  decide(deps, { type: 'ChangeContactDetails', data: { participantId, personal } }, request);

/**
 * Records the request; destroying the participant's key is the caller's part (libs/privacy), as
 * is sealing `reason` with the installation's audit key (only admins read it).
 */
export const erasePersonalData = (deps: CommandDependencies, participantId: string, reason: SealedText, request: RequestContext) =>
  decide(deps, { type: 'ErasePersonalData', data: { participantId, reason } }, request);

/**
 * Corrects fields of the entry profile and the enrolment date; `reason` sealed with the
 * participant's key by the caller. The project's registration bounds a corrected enrolment date.
 */
export async function correctEntryProfile(
  deps: CommandDependencies,
  participantId: string,
  correction: { corrected: EntryCorrection; reason: SealedText },
  request: RequestContext,
): Promise<CommandResult> {
  const projectId = await projectOfParticipant(deps, participantId, async () => (await loadStream(deps, participantDecider, participantStream(participantId))).state.projectId);
  const project = projectId === null ? null : await loadProject(deps, projectId);
  return decide(deps, { type: 'CorrectEntryProfile', data: { participantId, ...correction }, project }, request);
}

/**
 * Withdraws an enrolment made in error; for a duplicate, the participant who stays is looked up
 * in its own stream (its project and whether it is withdrawn) for the decider to judge.
 */
export async function withdrawEnrolment(
  deps: CommandDependencies,
  participantId: string,
  withdrawal: { ground: WithdrawalGround; duplicateOf: string | null; reason: SealedText },
  request: RequestContext,
): Promise<CommandResult> {
  let duplicate = null;
  if (withdrawal.duplicateOf !== null && withdrawal.duplicateOf !== participantId) {
    const { state } = await loadStream(deps, participantDecider, participantStream(withdrawal.duplicateOf));
    if (state.projectId !== null) duplicate = { projectId: state.projectId, withdrawn: state.withdrawal !== null };
  }
  return decide(deps, { type: 'WithdrawEnrolment', data: { participantId, ...withdrawal }, duplicate }, request);
}

type OnEnrolled = Exclude<ParticipantCommand, EnrolParticipant>;

/** A command on an enrolled participant's stream, dated by the server's clock in the participant's project's zone. */
async function decide(deps: CommandDependencies, command: DistributiveOmit<OnEnrolled, 'today'>, request: RequestContext): Promise<CommandResult> {
  const streamId = participantStream(command.data.participantId);
  // The participant's project names the zone: folded once per participant, then remembered (it never changes).
  const fold = async () => (await loadStream(deps, participantDecider, streamId)).state.projectId;
  const projectId = await projectOfParticipant(deps, command.data.participantId, fold);
  const dated = { ...command, today: await todayInProject(deps, projectId) } as OnEnrolled;
  return handleCommand(deps, participantDecider, streamId, dated, request, projectOfState);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

import { EntryProfile, IsoDate, Milestone, participantDecider, ParticipantState, SealedData, toIsoDate } from '@pathway/domain';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { handleCommand } from './handle-command';
import { participantIdFor } from './participant-id';
import { loadProject } from './project-commands';
import { participantStream } from './streams';

export interface Enrolment {
  projectId: string;
  /** Optional: the server makes one (the same one again for a repeated Idempotency-Key). */
  participantId?: string;
  enrolledOn: IsoDate;
  profile: EntryProfile;
  /** Sealed by the caller with the participant's key (libs/privacy `seal`); never clear text. */
  personal?: SealedData;
}

const projectOfParticipant = (state: ParticipantState) => state.projectId;

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
      today: toIsoDate(deps.now()),
    },
    request,
    () => enrolment.projectId,
  );
  return { ...result, participantId };
}

export function recordMilestone(
  deps: CommandDependencies,
  participantId: string,
  milestone: Milestone,
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    participantDecider,
    participantStream(participantId),
    { type: 'RecordMilestone', data: { participantId, milestone }, today: toIsoDate(deps.now()) },
    request,
    projectOfParticipant,
  );
}

export function retractMilestone(
  deps: CommandDependencies,
  participantId: string,
  retraction: { eventId: string; reason: string },
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    participantDecider,
    participantStream(participantId),
    { type: 'RetractMilestone', data: { participantId, ...retraction }, today: toIsoDate(deps.now()) },
    request,
    projectOfParticipant,
  );
}

export function changeContactDetails(
  deps: CommandDependencies,
  participantId: string,
  personal: SealedData,
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    participantDecider,
    participantStream(participantId),
    { type: 'ChangeContactDetails', data: { participantId, personal }, today: toIsoDate(deps.now()) },
    request,
    projectOfParticipant,
  );
}

/** Records the request; destroying the participant's key is the caller's part (libs/privacy). */
export function erasePersonalData(
  deps: CommandDependencies,
  participantId: string,
  reason: string,
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    participantDecider,
    participantStream(participantId),
    { type: 'ErasePersonalData', data: { participantId, reason }, today: toIsoDate(deps.now()) },
    request,
    projectOfParticipant,
  );
}

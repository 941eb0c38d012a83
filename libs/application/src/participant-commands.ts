import { EntryProfile, IsoDate, Milestone, participantDecider, ParticipantState, toIsoDate } from '@pathway/domain';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { handleCommand } from './handle-command';
import { nameBasedUuid } from './name-based-uuid';
import { loadProject } from './project-commands';
import { participantStream } from './streams';

export interface Enrolment {
  projectId: string;
  /** Optional: the server makes one (the same one again for a repeated Idempotency-Key). */
  participantId?: string;
  enrolledOn: IsoDate;
  profile: EntryProfile;
}

const projectOfParticipant = (state: ParticipantState) => state.projectId;

export async function enrolParticipant(
  deps: CommandDependencies,
  enrolment: Enrolment,
  request: RequestContext,
): Promise<CommandResult & { participantId: string }> {
  const participantId =
    enrolment.participantId ??
    (request.idempotencyKey ? nameBasedUuid(`enrolment/${enrolment.projectId}/${request.idempotencyKey}`) : deps.newId());
  const project = await loadProject(deps, enrolment.projectId);
  const result = await handleCommand(
    deps,
    participantDecider,
    participantStream(participantId),
    {
      type: 'EnrolParticipant',
      data: { participantId, enrolledOn: enrolment.enrolledOn, profile: enrolment.profile },
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

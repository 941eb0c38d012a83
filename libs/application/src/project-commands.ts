import { EnrolmentSpan, IsoDate, ProjectCommand, ProjectDetailsChange, ProjectDetails, projectDecider, ProjectEvent, ProjectState, RetentionEnd, SentParticipantFile, SubmittedReport } from '@pathway/domain';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { handleCommand } from './handle-command';
import { loadStream } from './stream-state-cache';
import { projectStream } from './streams';

export function registerProject(
  deps: CommandDependencies,
  details: ProjectDetails,
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    projectDecider,
    projectStream(details.projectId),
    { type: 'RegisterProject', data: details },
    request,
    () => details.projectId,
  );
}

/** Records an indicator report as sent to the funder; the relay publishes it. */
export function submitIndicatorReport(
  deps: CommandDependencies,
  report: SubmittedReport,
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    projectDecider,
    projectStream(report.projectId),
    { type: 'SubmitIndicatorReport', data: report },
    request,
    () => report.projectId,
  );
}

/** Records a month's participant file as sent to SCB (`today`: the project's date now). */
export function recordParticipantFileSent(
  deps: CommandDependencies,
  sent: SentParticipantFile,
  today: IsoDate,
  request: RequestContext,
): Promise<CommandResult> {
  return handleCommand(
    deps,
    projectDecider,
    projectStream(sent.projectId),
    { type: 'RecordParticipantFileSent', data: sent, today },
    request,
    () => sent.projectId,
  );
}

/** Sets (or moves) when the project's participants' personal data is to be erased (admins). */
export function setRetentionEnd(deps: CommandDependencies, retention: RetentionEnd, request: RequestContext): Promise<CommandResult> {
  return handleCommand(deps, projectDecider, projectStream(retention.projectId), { type: 'SetRetentionEnd', data: retention }, request, () => retention.projectId);
}

/**
 * Changes a project's name, period, planned participants or time zone (admins). `enrolments` is
 * what the caller found recorded of the project's participants (see the decider's rules).
 */
export function changeProjectDetails(deps: CommandDependencies, change: ProjectDetailsChange, enrolments: EnrolmentSpan, request: RequestContext): Promise<CommandResult> {
  return handleCommand(deps, projectDecider, projectStream(change.projectId), { type: 'ChangeProjectDetails', data: change, enrolments }, request, () => change.projectId);
}

/** The project as registered and changed since, or null. */
export async function loadProject(deps: Pick<CommandDependencies, 'store' | 'states'>, projectId: string): Promise<ProjectDetails | null> {
  const state = await loadProjectState(deps, projectId);
  return state.status === 'registered' ? state.details : null;
}

/** The project's folded state (details and retention end) and its stream version. */
export async function loadProjectState(deps: Pick<CommandDependencies, 'store' | 'states'>, projectId: string): Promise<ProjectState & { version: number }> {
  const { state, version } = await loadStream<ProjectCommand, ProjectEvent, ProjectState>(deps, projectDecider, projectStream(projectId));
  return { ...state, version };
}

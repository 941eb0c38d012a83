import { ProjectDetails, projectDecider, ProjectEvent, ProjectState, SubmittedReport } from '@pathway/domain';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { toDomainEvent } from './event-envelope';
import { handleCommand } from './handle-command';
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

/** The project as registered, or null. */
export async function loadProject(deps: Pick<CommandDependencies, 'store'>, projectId: string): Promise<ProjectDetails | null> {
  const recorded = await deps.store.readStream(projectStream(projectId));
  const state = recorded.reduce<ProjectState>(
    (s, e) => projectDecider.evolve(s, toDomainEvent<ProjectEvent>(e), e.eventId),
    projectDecider.initialState(),
  );
  return state.status === 'registered' ? state.details : null;
}

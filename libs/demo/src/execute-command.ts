import { CommandDependencies, enrolParticipant, nameBasedUuid, recordMilestone, registerProject, retractMilestone } from '@pathway/application';
import { DemoCommand } from './demo-command';

/**
 * One demo command through the application layer; answers how many events it decided. Event
 * and correlation ids are name-based on `name` (seed and stream owner) and the command's index,
 * so the same seed writes byte-identical logs and a retraction can name its target's id. Each
 * of these commands decides exactly one event; `deps.now` is the command's recording instant.
 * @throws Error naming the command, with the domain's refusal as its cause: a refusal here is a
 *   bug in the generator.
 */
export async function executeDemoCommand(
  target: Pick<CommandDependencies, 'store' | 'states'>,
  command: DemoCommand,
  name: string,
  index: number,
): Promise<number> {
  const eventIdOf = (i: number) => nameBasedUuid(`${name}/${i}`);
  const deps: CommandDependencies = { ...target, now: () => new Date(command.at), newId: () => eventIdOf(index) };
  const actorRole = command.kind === 'register' ? 'admin' : 'caseworker';
  const request = { actor: command.actor, actorRole, correlationId: nameBasedUuid(`${name}/${index}/request`) };
  try {
    switch (command.kind) {
      case 'register':
        return (await registerProject(deps, command.project, request)).eventIds.length;
      case 'enrol': {
        const { participantId, projectId, enrolledOn, profile } = command;
        return (await enrolParticipant(deps, { participantId, projectId, enrolledOn, profile }, request)).eventIds.length;
      }
      case 'record':
        return (await recordMilestone(deps, command.participantId, command.milestone, request)).eventIds.length;
      case 'retract': {
        // The reason is not kept (null): free text is sealed with the participant's key, and the demo
        // writes no keys, so a seed still gives a byte-identical log. `command.reason` documents the plan.
        const retraction = { eventId: eventIdOf(command.target), reason: null };
        return (await retractMilestone(deps, command.participantId, retraction, request)).eventIds.length;
      }
    }
  } catch (error) {
    throw new Error(`Demo command ${name}/${index} (${command.kind}) was refused: ${(error as Error).message}`, { cause: error });
  }
}

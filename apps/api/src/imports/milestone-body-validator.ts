import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CommandDependencies } from '@pathway/application';
import { MilestoneType } from '@pathway/domain';
import { ImportedMilestone, MilestoneRecorder, MilestoneValidator } from '@pathway/import';
import { KeyStore } from '@pathway/privacy';
import { MilestoneDraft } from '../participants/milestone-draft';
import { AnyMilestoneDto, MILESTONE_DTOS } from '../participants/milestone.dto';
import { ParticipantKeys } from '../participants/participant-keys';
import { RecordMilestoneHandler, RecordMilestoneCommand } from '../participants/record-milestone.command';
import { VALIDATION_OPTIONS } from '../http/validation';

const constraintsOf = (errors: ValidationError[], parent = ''): { field: string; constraint: string }[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    return [...Object.keys(error.constraints ?? {}).map((constraint) => ({ field, constraint })), ...constraintsOf(error.children ?? [], field)];
  });

/**
 * An imported milestone row checked exactly as `POST /participants/{id}/milestones` checks its
 * body: the DTO class its `type` names (`MILESTONE_DTOS`), the API's validation options, then the
 * DTO's own `toMilestone` with the import's derived id for what the server would make.
 */
export const validateMilestoneBody: MilestoneValidator = async (body, newId) => {
  const type = body.type;
  if (typeof type !== 'string' || !Object.hasOwn(MILESTONE_DTOS, type)) return { errors: [{ field: 'type', constraint: 'isIn' }] };
  const dto = plainToInstance(MILESTONE_DTOS[type as MilestoneType], body) as AnyMilestoneDto;
  const errors = await validate(dto, VALIDATION_OPTIONS);
  if (errors.length > 0) return { errors: constraintsOf(errors) };
  return { milestone: dto.toMilestone(newId) as unknown as ImportedMilestone };
};

/**
 * Records an imported milestone through the same handler as `POST /participants/{id}/milestones`
 * (`RecordMilestoneHandler`: a qualification's text sealed with the participant's key first).
 */
export function milestoneRecorder(deps: CommandDependencies, keys: KeyStore): MilestoneRecorder {
  const handler = new RecordMilestoneHandler(deps, new ParticipantKeys(deps.store, keys));
  return (participantId, milestone, request) => handler.execute(new RecordMilestoneCommand(participantId, milestone as unknown as MilestoneDraft, request));
}

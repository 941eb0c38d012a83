import { PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Milestone } from '@pathway/domain';
import { MILESTONE_DTOS } from './milestone.dto';
import { RequestValidationError } from '../http/problem';
import { fieldErrors, VALIDATION_OPTIONS } from '../http/validation';

/** Validates a milestone body against the class its `type` names, and turns it into a domain milestone. */
export class ParseMilestonePipe implements PipeTransform<unknown, Milestone> {
  transform(body: unknown): Milestone {
    const type = (body as { type?: unknown } | null)?.type;
    const dto = typeof type === 'string' && Object.hasOwn(MILESTONE_DTOS, type) ? MILESTONE_DTOS[type as Milestone['type']] : null;
    if (!dto) {
      throw new RequestValidationError([
        { field: 'type', reason: `type must be one of: ${Object.keys(MILESTONE_DTOS).join(', ')}` },
      ]);
    }
    const instance = plainToInstance(dto, body);
    const errors = validateSync(instance, VALIDATION_OPTIONS);
    if (errors.length > 0) throw new RequestValidationError(fieldErrors(errors));
    return instance.toMilestone(randomUUID);
  }
}

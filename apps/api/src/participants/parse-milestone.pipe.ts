import { PipeTransform } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Milestone } from '@pathway/domain';
import { MilestoneDraft } from './milestone-draft';
import { AnyMilestoneDto, MILESTONE_DTOS } from './milestone.dto';
import { RequestValidationError } from '../http/problem';
import { validationPipe } from '../http/validation';

/**
 * Validates a milestone body against the class its `type` names, through the same validation
 * pipe as every other body (its prototype-key cleaning included), and turns it into a milestone
 * draft (free text still to seal).
 */
export class ParseMilestonePipe implements PipeTransform<unknown, Promise<MilestoneDraft>> {
  private readonly validation = validationPipe();

  async transform(body: unknown): Promise<MilestoneDraft> {
    const type = (body as { type?: unknown } | null)?.type;
    const dto = typeof type === 'string' && Object.hasOwn(MILESTONE_DTOS, type) ? MILESTONE_DTOS[type as Milestone['type']] : null;
    if (!dto) {
      throw new RequestValidationError([
        { field: 'type', reason: `type must be one of: ${Object.keys(MILESTONE_DTOS).join(', ')}` },
      ]);
    }
    const instance = (await this.validation.transform(body, { type: 'body', metatype: dto })) as AnyMilestoneDto;
    return instance.toMilestone(randomUUID);
  }
}

import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { BodyValidator } from '@pathway/import';
import { EnrolParticipantDto } from '../participants/enrol-participant.dto';
import { RequestValidationError } from '../http/problem';
import { VALIDATION_OPTIONS } from '../http/validation';

/** class-validator's error tree as dotted field paths and the names of the constraints broken (never a value). */
function constraintsOf(errors: ValidationError[], parent = ''): { field: string; constraint: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({ field, constraint }));
    return [...own, ...constraintsOf(error.children ?? [], field)];
  });
}

/**
 * An imported row's enrolment request checked exactly as `POST /projects/{id}/participants`
 * checks its body: the same DTO class and validation options, then the DTO's own `toProfile`
 * and `toPersonalData`. Used by the API's import route and the `pathway import` command.
 */
export const validateEnrolmentBody: BodyValidator = async (body) => {
  const dto = plainToInstance(EnrolParticipantDto, body);
  const errors = await validate(dto, VALIDATION_OPTIONS);
  if (errors.length > 0) return { errors: constraintsOf(errors) };
  try {
    return {
      enrolment: {
        ...(dto.participantId ? { participantId: dto.participantId } : {}),
        enrolledOn: dto.enrolledOn,
        profile: dto.profile.toProfile(),
        ...(dto.personal ? { personal: dto.personal.toPersonalData() } : {}),
      },
    };
  } catch (error) {
    if (error instanceof RequestValidationError) return { errors: error.errors.map(({ field }) => ({ field, constraint: 'notEmpty' })) };
    throw error;
  }
};

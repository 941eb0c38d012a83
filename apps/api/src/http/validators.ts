import { Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@pathway/domain';

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._#-]{0,63}$/;

/** Project, participant and intervention ids: 1 to 64 letters, digits or . _ # - */
export const IsId = (options?: ValidationOptions) =>
  Matches(ID_PATTERN, { message: '$property must be 1 to 64 letters, digits or . _ # -', ...options });

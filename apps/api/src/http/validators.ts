import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, Matches, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import { isIanaTimeZone, isIsoDate } from '@pathway/domain';

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

/**
 * A nested body part validated by its own class, and only ever a JSON object: an array (which
 * class-transformer maps item by item, and which `ValidateNested` then passes when empty), a
 * string or a number is a 400 for the field, where `profile: []` used to reach the handler and 500.
 */
export const NestedObject = (type: () => new () => object) =>
  applyDecorators(IsObject({ message: '$property must be a JSON object' }), ValidateNested(), Type(type));

/** An IANA time zone as the tz database spells it, e.g. `Europe/Stockholm` (no offsets or abbreviations). */
export const IsIanaTimeZone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value) => isIanaTimeZone(value),
        defaultMessage: (args) => `${args?.property} must be an IANA time zone such as Europe/Stockholm`,
      },
    },
    options,
  );

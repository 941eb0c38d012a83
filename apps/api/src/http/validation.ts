import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, RequestValidationError } from './problem';

/** class-validator's error tree as a flat list of dotted field paths with their reasons. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
} as const;

export const validationPipe = () =>
  new ValidationPipe({
    ...VALIDATION_OPTIONS,
    exceptionFactory: (errors) => new RequestValidationError(fieldErrors(errors)),
  });

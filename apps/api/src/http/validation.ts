import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * The one validation path for every body, query and path parameter (the milestone pipe uses it
 * too, with the class the body's `type` names). Whatever else a transformer or validator throws
 * on input it cannot read is the input's fault, so it is a 400 for the whole part, never a 500.
 */
export class EdgeValidationPipe extends ValidationPipe {
  constructor() {
    super({ ...VALIDATION_OPTIONS, exceptionFactory: (errors) => new RequestValidationError(fieldErrors(errors)) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof RequestValidationError) throw error;
      const field = metadata.data ?? metadata.type;
      throw new RequestValidationError([{ field, reason: `${field} cannot be read as the expected shape` }]);
    }
  }
}

export const validationPipe = () => new EdgeValidationPipe();

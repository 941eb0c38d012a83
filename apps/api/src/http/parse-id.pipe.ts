import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './problem';
import { ID_PATTERN } from './validators';

/** Path ids are checked like body ids, so a stream name is never built from arbitrary text. */
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!ID_PATTERN.test(value)) {
      const field = metadata.data ?? 'id';
      throw new RequestValidationError([{ field, reason: `${field} must be 1 to 64 letters, digits or . _ # -` }]);
    }
    return value;
  }
}

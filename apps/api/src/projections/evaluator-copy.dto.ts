import { IsString, Matches } from 'class-validator';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `POST /projections/evaluator-copies`: the moment the copy is to be as known on. */
export class EvaluatorCopyDto {
  /**
   * A date (the end of that day in each project's own time zone) or an instant with its offset
   * (what the log had committed by then). Not after now.
   */
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'asKnownOn must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone' })
  asKnownOn!: string;
}

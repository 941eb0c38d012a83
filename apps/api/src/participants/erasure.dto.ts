import { IsString, Length } from 'class-validator';

export class ErasureDto {
  /** Why, e.g. "GDPR art. 17 request, ticket 4711": kept in the log, so never the person's name. */
  @IsString()
  @Length(3, 500)
  reason!: string;
}

import { IsString, Length } from 'class-validator';

export class ErasureDto {
  /** Why, e.g. "GDPR art. 17 request, ticket 4711": sealed under the installation's audit key, read by admins only. */
  @IsString()
  @Length(3, 500)
  reason!: string;
}

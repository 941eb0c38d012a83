import { IsString, IsUUID, Length } from 'class-validator';

export class RetractionDto {
  /** The id of the milestone event to retract. */
  @IsUUID()
  eventId!: string;

  /** Why; kept in the log for auditors. Not a place for personal details. */
  @IsString()
  @Length(1, 500)
  reason!: string;
}

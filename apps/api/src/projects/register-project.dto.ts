import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ProjectDetails } from '@pathway/domain';
import { IsIanaTimeZone, IsId, IsIsoDate } from '../http/validators';

export class RegisterProjectDto {
  /** The operation's id, e.g. `22-015-S01`. */
  @IsId()
  id!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  /** The organisation running the project. */
  @IsString()
  @Length(1, 200)
  owner!: string;

  /** e.g. `ESF+`, `Erasmus+`. */
  @IsString()
  @Length(1, 50)
  fund!: string;

  /** The programme's CCI, e.g. `2021SE05SFPR`. */
  @IsString()
  @Length(1, 50)
  programme!: string;

  /** e.g. `A2A`. */
  @IsString()
  @Length(1, 50)
  specificObjective!: string;

  /** NUTS code, e.g. `SE12`. */
  @IsString()
  @Length(1, 50)
  region!: string;

  @IsIsoDate()
  startDate!: string;

  @IsIsoDate()
  endDate!: string;

  @IsInt()
  @Min(1)
  @Max(10_000_000)
  plannedParticipants!: number;

  /** The IANA zone the project's dates are read in; without it, the `DEFAULT_TIME_ZONE` setting. */
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  toDetails(defaultTimeZone: string): ProjectDetails {
    const { id, timeZone, ...rest } = this;
    return { projectId: id, ...rest, timeZone: timeZone ?? defaultTimeZone };
  }
}

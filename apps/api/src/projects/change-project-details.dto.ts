import { PickType } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ProjectDetails, ProjectDetailsChange } from '@pathway/domain';
import { IsIanaTimeZone } from '../http/validators';
import { RegisterProjectDto } from './register-project.dto';

/**
 * The changeable details as they are to be from now on (all of them, as `GET .../details` gives
 * them), and why. Owner, fund, programme, objective and region are fixed by the funding decision.
 */
export class ChangeProjectDetailsDto extends PickType(RegisterProjectDto, ['name', 'startDate', 'endDate', 'plannedParticipants']) {
  /** Can change only while no participant is enrolled (422 `PROJECT.TIME_ZONE_FIXED`). */
  @IsIanaTimeZone()
  timeZone!: string;

  /** Why the details change, e.g. "amended funding decision 2024-05-02": about the project, never about a person. */
  @IsString()
  @Length(1, 500)
  reason!: string;

  toChange(projectId: string): ProjectDetailsChange {
    const { name, startDate, endDate, plannedParticipants, timeZone, reason } = this;
    return { projectId, name, startDate, endDate, plannedParticipants, timeZone, reason };
  }
}

/** The project's details as the log holds them now, with the version to send back in If-Match. */
export class ProjectDetailsDto implements ProjectDetails {
  projectId!: string;
  name!: string;
  owner!: string;
  fund!: string;
  programme!: string;
  specificObjective!: string;
  region!: string;
  startDate!: string;
  endDate!: string;
  plannedParticipants!: number;
  timeZone!: string;
  /** The project stream's version, also the ETag. */
  version!: number;
}

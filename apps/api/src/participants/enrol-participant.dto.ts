import { IsDefined, IsOptional } from 'class-validator';
import { EntryProfileDto } from './entry-profile.dto';
import { PersonalDataDto } from './personal-data.dto';
import { IsId, IsIsoDate, NestedObject } from '../http/validators';

export class EnrolParticipantDto {
  /** Optional; the server makes a UUID. Never a name or an identity number. */
  @IsOptional()
  @IsId()
  participantId?: string;

  @IsIsoDate()
  enrolledOn!: string;

  @IsDefined()
  @NestedObject(() => EntryProfileDto)
  profile!: EntryProfileDto;

  /** Name and contact details: sealed with the participant's key, seen only by the project's caseworkers. */
  @IsOptional()
  @NestedObject(() => PersonalDataDto)
  personal?: PersonalDataDto;
}

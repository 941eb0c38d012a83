import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { GROUP_SESSION_MAX_PARTICIPANTS } from '@pathway/application';
import { GROUP_SESSION_KINDS, GroupSessionKind } from '@pathway/domain';
import { IsId, IsIsoDate } from '../http/validators';

/** One group session and who attended it. */
export class GroupSessionDto {
  /** The day the session took place (YYYY-MM-DD, in the project's time zone); not in the future. */
  @IsIsoDate()
  occurredOn!: string;

  /** What the session was (see GROUP_SESSION_KINDS in libs/domain). */
  @IsIn(GROUP_SESSION_KINDS)
  kind!: GroupSessionKind;

  /** The participants who attended: 1 to 500 distinct ids of the project's participants. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUP_SESSION_MAX_PARTICIPANTS)
  @ArrayUnique()
  @IsId({ each: true })
  participantIds!: string[];
}

/** A refused row's problem: like a whole request's problem (RFC 9457 members), for one participant. */
export class AttendanceProblemDto {
  /** Stable code, e.g. `PARTICIPANT.ALREADY_EXITED`, `PARTICIPANT.NOT_FOUND`, `MILESTONE.BEFORE_ENROLMENT`. */
  code!: string;
  /** The status this refusal would have had alone (404, 409 or 422). */
  status!: number;
  /** In English, for people reading the raw answer; apps word the code in the user's language. */
  title!: string;
  /** What the refusal names besides its code, e.g. `{ "exitedOn": "2024-09-30" }`. */
  @ApiProperty({ required: false, type: Object, additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params?: Record<string, string | number>;
}

/** One participant's answer. */
export class AttendanceResultDto {
  participantId!: string;
  /** `recorded` now, `already-recorded` by an earlier sending of this session (no new event), or `refused`. */
  @ApiProperty({ enum: ['recorded', 'already-recorded', 'refused'] })
  result!: 'recorded' | 'already-recorded' | 'refused';
  /** The attendance event, for recorded and already-recorded rows. */
  eventId?: string;
  /** Why the row was refused. */
  problem?: AttendanceProblemDto;
}

export class GroupSessionResultDto {
  /** The same for every sending of this session (same Idempotency-Key, date and kind). */
  sessionId!: string;
  occurredOn!: string;
  @ApiProperty({ enum: GROUP_SESSION_KINDS })
  kind!: GroupSessionKind;
  /** One per participant id sent, in the order sent. */
  @ApiProperty({ type: [AttendanceResultDto] })
  results!: AttendanceResultDto[];
}

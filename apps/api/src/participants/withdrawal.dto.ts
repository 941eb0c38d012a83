import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { WITHDRAWAL_GROUNDS, WithdrawalGround } from '@pathway/domain';
import { IsId } from '../http/validators';

export class WithdrawalDto {
  /** `never-took-part`: enrolled, but the person never took part; `duplicate`: already enrolled as `duplicateOf`. */
  @IsIn(WITHDRAWAL_GROUNDS)
  ground!: WithdrawalGround;

  /** With ground `duplicate` only: the participant of the same project who stays. */
  @IsOptional()
  @IsId()
  duplicateOf?: string | null;

  /** Why, kept in the log for auditors (sealed with the participant's key). Not a place for personal details. */
  @IsString()
  @Length(1, 500)
  reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { INTERVENTION_KINDS, InterventionKind } from '@pathway/domain';
import { LIKELY_DUPLICATE_REASONS, LikelyDuplicateReason, WORKLIST_KINDS, WorklistKind } from '@pathway/indicators';

/** Which intervention an `intervention-open-long` item is about. */
export class WorklistInterventionDto {
  /** The intervention's id (pseudonymous, as recorded). */
  interventionId!: string;

  @ApiProperty({ enum: INTERVENTION_KINDS })
  kind!: InterventionKind;
}

/** One thing for a caseworker to do about one participant; no personal data. */
export class WorklistItemDto {
  /** The participant's pseudonymous id. */
  participantId!: string;

  @ApiProperty({ enum: WORKLIST_KINDS, description: 'What is due; the list is ordered by this, most urgent kind first' })
  kind!: WorklistKind;

  /** The rule the item follows, e.g. `ESF+.EECR01-04.UPON_LEAVING` (see the catalogue and the README). */
  rule!: string;

  /** What the item counts from (YYYY-MM-DD): the last exit, the intervention's start, the last activity. */
  since!: string;

  /** When it should be done by (YYYY-MM-DD), in the project's calendar. */
  dueOn!: string;

  /** The last day it can be dated and still count in the ESF+ results (YYYY-MM-DD); null without such a window. */
  @ApiProperty({ type: String, nullable: true })
  closesOn!: string | null;

  /** Whole days from today to dueOn; 0 on the day and after. */
  daysLeft!: number;

  /** Whole days dueOn is past; 0 until the day after it. */
  daysOverdue!: number;

  @ApiProperty({ type: WorklistInterventionDto, required: false })
  intervention?: WorklistInterventionDto;
}

/** Two participants of the project who are likely one person; no personal data, only why. */
export class LikelyDuplicateDto {
  /** The two participants' pseudonymous ids, in order. */
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2 })
  participantIds!: [string, string];

  @ApiProperty({
    enum: LIKELY_DUPLICATE_REASONS,
    isArray: true,
    description: 'Why, most certain first: the same identity number (through its blind index), the same birth date and name (case, diacritics, spacing and word order aside)',
  })
  reasons!: LikelyDuplicateReason[];
}

/** The thresholds the items were judged by (days and months). */
export class WorklistThresholdsDto {
  leavingWindowDays!: number;
  followUpMonths!: number;
  interventionOpenDays!: number;
  noMilestoneDays!: number;
  missedLookbackDays!: number;
}

/** A month of the participant file (SCB) not yet sent. */
export class WorklistFileDueDto {
  /** The month (YYYY-MM). */
  month!: string;

  /** Four weeks after the month ends (YYYY-MM-DD). */
  dueBy!: string;

  /** Whether dueBy has passed. */
  overdue!: boolean;
}

/** A sent month of the participant file (SCB) to be sent again, and why; rows are counted, not named. */
export class WorklistFileResendDto {
  /** The month (YYYY-MM). */
  month!: string;

  @ApiProperty({ enum: ['changed', 'follows'], description: '`changed`: late recordings or retractions changed its rows; `follows`: an earlier sent month changed, and SCB reads every later month again' })
  reason!: 'changed' | 'follows';

  /** For `changed`: rows to send that were not sent. */
  added!: number;

  /** For `changed`: rows sent that no longer hold. */
  removed!: number;

  /** For `follows`: the earliest changed month (YYYY-MM), else null. */
  @ApiProperty({ type: String, nullable: true })
  after!: string | null;
}

/** The participant file's months for the admin: those not yet sent, oldest first, and those to send again. */
export class WorklistParticipantFilesDto {
  @ApiProperty({ type: [WorklistFileDueDto] })
  due!: WorklistFileDueDto[];

  @ApiProperty({ type: [WorklistFileResendDto] })
  resend!: WorklistFileResendDto[];
}

/** `GET /projects/{projectId}/worklist`. */
export class WorklistDto {
  projectId!: string;

  /** Today in the project's time zone (YYYY-MM-DD): what the days are counted from. */
  today!: string;

  /** The project's IANA time zone. */
  timeZone!: string;

  thresholds!: WorklistThresholdsDto;

  @ApiProperty({ type: [WorklistItemDto] })
  items!: WorklistItemDto[];

  /**
   * For the project's caseworkers only (finding them opens names): participants not withdrawn who
   * are likely enrolled twice, to resolve by withdrawing one as a duplicate of the other (the
   * pair is then gone). Left out for an admin.
   */
  @ApiProperty({ type: [LikelyDuplicateDto], required: false })
  likelyDuplicates?: LikelyDuplicateDto[];

  /** For admins only (who send the file to SCB, see `participantFiles.read`): the months due and to resend; absent for caseworkers. */
  @ApiProperty({ type: WorklistParticipantFilesDto, required: false })
  participantFiles?: WorklistParticipantFilesDto;
}

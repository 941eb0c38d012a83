import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  EDUCATION_PROGRAMMES,
  EMPLOYMENT_TYPES,
  EXIT_REASONS,
  GROUP_SESSION_KINDS,
  INTERVENTION_KINDS,
  INTERVENTION_OUTCOMES,
  MilestoneType,
  SCHOOL_LEVELS,
  SITUATIONS,
} from '@pathway/domain';
import { MilestoneDraft } from './milestone-draft';
import { IsId, IsIsoDate } from '../http/validators';

/**
 * One body class per milestone type; the `type` field chooses which one validates the body.
 * `toMilestone` fills what the server decides (a new intervention id) and nulls for left-out options;
 * free text stays clear in the draft until the handler seals it.
 */
abstract class MilestoneDto {
  @IsString()
  type!: MilestoneType;

  @IsIsoDate()
  occurredOn!: string;

  abstract toMilestone(newId: () => string): MilestoneDraft;
}

export class InterventionStartedDto extends MilestoneDto {
  @IsOptional()
  @IsId()
  interventionId?: string;

  @IsIn(INTERVENTION_KINDS)
  kind!: (typeof INTERVENTION_KINDS)[number];

  toMilestone(newId: () => string): MilestoneDraft {
    return { type: 'intervention-started', occurredOn: this.occurredOn, interventionId: this.interventionId ?? newId(), kind: this.kind };
  }
}

export class InterventionEndedDto extends MilestoneDto {
  @IsId()
  interventionId!: string;

  @IsIn(INTERVENTION_OUTCOMES)
  outcome!: (typeof INTERVENTION_OUTCOMES)[number];

  toMilestone(): MilestoneDraft {
    return { type: 'intervention-ended', occurredOn: this.occurredOn, interventionId: this.interventionId, outcome: this.outcome };
  }
}

export class SchoolCompletedDto extends MilestoneDto {
  @IsIn(SCHOOL_LEVELS)
  level!: (typeof SCHOOL_LEVELS)[number];

  @IsOptional()
  @IsBoolean()
  fullGrades?: boolean | null;

  toMilestone(): MilestoneDraft {
    return { type: 'school-completed', occurredOn: this.occurredOn, level: this.level, fullGrades: this.fullGrades ?? null };
  }
}

export class QualificationGainedDto extends MilestoneDto {
  /**
   * What was gained, e.g. "Forklift licence B". Free text about the person, so it is sealed with
   * the participant's key before anything is decided: erasure forgets it, evaluators never see it.
   */
  @IsString()
  @Length(1, 200)
  qualification!: string;

  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  iscedLevel?: (typeof EDUCATION_LEVELS)[number] | null;

  toMilestone(): MilestoneDraft {
    return {
      type: 'qualification-gained',
      occurredOn: this.occurredOn,
      qualification: this.qualification,
      iscedLevel: this.iscedLevel ?? null,
    };
  }
}

export class EducationEnteredDto extends MilestoneDto {
  @IsIn(EDUCATION_PROGRAMMES)
  programme!: (typeof EDUCATION_PROGRAMMES)[number];

  toMilestone(): MilestoneDraft {
    return { type: 'education-entered', occurredOn: this.occurredOn, programme: this.programme };
  }
}

export class JobSearchStartedDto extends MilestoneDto {
  toMilestone(): MilestoneDraft {
    return { type: 'job-search-started', occurredOn: this.occurredOn };
  }
}

export class JobPlacedDto extends MilestoneDto {
  @IsIn(EMPLOYMENT_TYPES)
  employment!: (typeof EMPLOYMENT_TYPES)[number];

  @IsIn(CONTRACT_TYPES)
  contract!: (typeof CONTRACT_TYPES)[number];

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(168)
  hoursPerWeek?: number | null;

  toMilestone(): MilestoneDraft {
    return {
      type: 'job-placed',
      occurredOn: this.occurredOn,
      employment: this.employment,
      contract: this.contract,
      hoursPerWeek: this.hoursPerWeek ?? null,
    };
  }
}

export class ExitedDto extends MilestoneDto {
  @IsIn(EXIT_REASONS)
  reason!: (typeof EXIT_REASONS)[number];

  @IsIn(SITUATIONS)
  situation!: (typeof SITUATIONS)[number];

  toMilestone(): MilestoneDraft {
    return { type: 'exited', occurredOn: this.occurredOn, reason: this.reason, situation: this.situation };
  }
}

export class FollowUpRecordedDto extends MilestoneDto {
  @IsInt()
  @Min(1)
  @Max(120)
  monthsAfterExit!: number;

  @IsIn(SITUATIONS)
  situation!: (typeof SITUATIONS)[number];

  @IsOptional()
  @IsBoolean()
  improvedSituation?: boolean | null;

  toMilestone(): MilestoneDraft {
    return {
      type: 'follow-up-recorded',
      occurredOn: this.occurredOn,
      monthsAfterExit: this.monthsAfterExit,
      situation: this.situation,
      improvedSituation: this.improvedSituation ?? null,
    };
  }
}

export class ReEnteredDto extends MilestoneDto {
  toMilestone(): MilestoneDraft {
    return { type: 're-entered', occurredOn: this.occurredOn };
  }
}

/** One participant at a group session; a whole group is recorded at once with POST /projects/{id}/group-sessions. */
export class GroupSessionAttendedDto extends MilestoneDto {
  /** The session's id, shared by its attendees; without it the server makes one. */
  @IsOptional()
  @IsId()
  sessionId?: string;

  @IsIn(GROUP_SESSION_KINDS)
  kind!: (typeof GROUP_SESSION_KINDS)[number];

  toMilestone(newId: () => string): MilestoneDraft {
    return { type: 'group-session-attended', occurredOn: this.occurredOn, sessionId: this.sessionId ?? newId(), kind: this.kind };
  }
}

export const MILESTONE_DTOS: Record<MilestoneType, new () => MilestoneDto> = {
  'intervention-started': InterventionStartedDto,
  'intervention-ended': InterventionEndedDto,
  'school-completed': SchoolCompletedDto,
  'qualification-gained': QualificationGainedDto,
  'education-entered': EducationEnteredDto,
  'job-search-started': JobSearchStartedDto,
  'job-placed': JobPlacedDto,
  exited: ExitedDto,
  'follow-up-recorded': FollowUpRecordedDto,
  're-entered': ReEnteredDto,
  'group-session-attended': GroupSessionAttendedDto,
};

export type AnyMilestoneDto = MilestoneDto;

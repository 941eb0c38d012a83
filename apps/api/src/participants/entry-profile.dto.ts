import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  EDUCATION_LEVELS,
  EducationLevel,
  EntryProfile,
  Gender,
  GENDERS,
  LABOUR_MARKET_STATUSES,
  LabourMarketStatus,
} from '@pathway/domain';
import { IsIsoDate } from '../http/validators';

/** The situation at enrolment. Every answer but the labour-market status may be null: "not disclosed". */
export class EntryProfileDto {
  @IsOptional()
  @IsIsoDate()
  birthDate?: string | null;

  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  @IsIn(LABOUR_MARKET_STATUSES)
  labourMarketStatus!: LabourMarketStatus;

  @IsOptional()
  @IsBoolean()
  inEducationOrTraining?: boolean | null;

  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  educationLevel?: EducationLevel | null;

  @IsOptional()
  @IsBoolean()
  disability?: boolean | null;

  @IsOptional()
  @IsBoolean()
  thirdCountryNational?: boolean | null;

  @IsOptional()
  @IsBoolean()
  foreignBackground?: boolean | null;

  @IsOptional()
  @IsBoolean()
  minority?: boolean | null;

  @IsOptional()
  @IsBoolean()
  homeless?: boolean | null;

  @IsOptional()
  @IsBoolean()
  ruralArea?: boolean | null;

  /** A left-out answer is stored as null, so every enrolment event has the same fields. */
  toProfile(): EntryProfile {
    return {
      birthDate: this.birthDate ?? null,
      gender: this.gender ?? null,
      labourMarketStatus: this.labourMarketStatus,
      inEducationOrTraining: this.inEducationOrTraining ?? null,
      educationLevel: this.educationLevel ?? null,
      disability: this.disability ?? null,
      thirdCountryNational: this.thirdCountryNational ?? null,
      foreignBackground: this.foreignBackground ?? null,
      minority: this.minority ?? null,
      homeless: this.homeless ?? null,
      ruralArea: this.ruralArea ?? null,
    };
  }
}

import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import {
  CORRECTABLE_FIELDS,
  EDUCATION_LEVELS,
  EducationLevel,
  EntryCorrection,
  Gender,
  GENDERS,
  LABOUR_MARKET_STATUSES,
  LabourMarketStatus,
} from '@pathway/domain';
import { IsIsoDate, NestedObject } from '../http/validators';

/** Set, and so validated, when the body names the field; `null` allowed where the profile allows "not disclosed". */
const Named = () => ValidateIf((_, value) => value !== undefined);

/**
 * The fields to correct and their corrected values; a field left out keeps its value. Values as
 * at enrolment: every answer but the labour-market status may be null ("not disclosed").
 */
export class EntryCorrectionDto {
  /** The enrolment date as it should have been recorded: not in the future, within the project period, not after the first milestone. */
  @Named()
  @IsIsoDate()
  enrolledOn?: string;

  @IsOptional()
  @IsIsoDate()
  birthDate?: string | null;

  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  @Named()
  @IsIn(LABOUR_MARKET_STATUSES)
  labourMarketStatus?: LabourMarketStatus;

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

  /** The fields the body named (null included), in the catalogue's order. */
  toCorrection(): EntryCorrection {
    const named = CORRECTABLE_FIELDS.filter((field) => this[field] !== undefined);
    return Object.fromEntries(named.map((field) => [field, this[field]])) as EntryCorrection;
  }
}

export class CorrectionDto {
  /** At least one field; the event names those whose value changes. */
  @NestedObject(() => EntryCorrectionDto)
  corrected!: EntryCorrectionDto;

  /** Why, kept in the log for auditors (sealed with the participant's key). Not a place for personal details. */
  @IsString()
  @Length(1, 500)
  reason!: string;
}

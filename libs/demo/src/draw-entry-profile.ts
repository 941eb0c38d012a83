import { addDays, addMonths, EntryProfile, IsoDate } from '@pathway/domain';
import { Cohort } from './projects/demo-project';
import { Random } from './random';

/**
 * An entry profile typical of the cohort. Every optional answer may be "not disclosed",
 * as on real enrolment forms, so reports meet their "data missing" lines.
 */
export function drawEntryProfile(random: Random, cohort: Cohort, enrolledOn: IsoDate): EntryProfile {
  const age = random.int(cohort.ages[0], cohort.ages[1]);
  const undisclosed = cohort.undisclosed;
  const yes = (probability: number) => random.orNull(undisclosed, () => random.chance(probability));
  return {
    // A day within the year after the birthday that gives this age on the enrolment date.
    birthDate: random.orNull(undisclosed / 3, () => addDays(addMonths(enrolledOn, -12 * (age + 1)), random.int(1, 365))),
    gender: random.weighted(cohort.genders),
    labourMarketStatus: random.weighted(cohort.labourMarket),
    inEducationOrTraining: yes(cohort.inEducationOrTraining),
    educationLevel: random.orNull(undisclosed, () => random.weighted(cohort.education)),
    disability: yes(cohort.flags.disability),
    thirdCountryNational: yes(cohort.flags.thirdCountryNational),
    foreignBackground: yes(cohort.flags.foreignBackground),
    minority: yes(cohort.flags.minority),
    homeless: yes(cohort.flags.homeless),
    ruralArea: yes(cohort.flags.ruralArea),
  };
}


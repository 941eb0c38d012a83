import { MessageId } from '../i18n/messages.en';

/** "Not disclosed": a first-class answer to every profile question that allows it (sent as null). */
export const NOT_DISCLOSED = 'not-disclosed';

/** A question of the entry profile answered by one choice: its API field, its options, its words. */
export interface ChoiceQuestion {
  field: 'gender' | 'labourMarketStatus' | 'educationLevel' | YesNoField;
  options: ReadonlyArray<{ value: string; label: MessageId }>;
  /** False for the one answer the API (and the ESF+ outputs EECO02-EECO05) requires. */
  disclosable: boolean;
}

export const YES_NO_FIELDS = ['inEducationOrTraining', 'disability', 'thirdCountryNational', 'foreignBackground', 'minority', 'homeless', 'ruralArea'] as const;
export type YesNoField = (typeof YES_NO_FIELDS)[number];

const yesNo = [
  { value: 'yes', label: 'enrol.answer.yes' },
  { value: 'no', label: 'enrol.answer.no' },
] as const;

/** In the order of the paper form and the ESF+ outputs (EECO02 onwards). */
export const CHOICE_QUESTIONS: readonly ChoiceQuestion[] = [
  {
    field: 'gender',
    disclosable: true,
    options: [
      { value: 'woman', label: 'enrol.gender.woman' },
      { value: 'man', label: 'enrol.gender.man' },
      { value: 'non-binary', label: 'enrol.gender.non-binary' },
    ],
  },
  {
    field: 'labourMarketStatus',
    disclosable: false,
    options: [
      { value: 'unemployed', label: 'enrol.labourMarketStatus.unemployed' },
      { value: 'long-term-unemployed', label: 'enrol.labourMarketStatus.long-term-unemployed' },
      { value: 'inactive', label: 'enrol.labourMarketStatus.inactive' },
      { value: 'employed', label: 'enrol.labourMarketStatus.employed' },
      { value: 'self-employed', label: 'enrol.labourMarketStatus.self-employed' },
    ],
  },
  { field: 'inEducationOrTraining', disclosable: true, options: yesNo },
  {
    field: 'educationLevel',
    disclosable: true,
    options: [
      { value: 'isced-0-2', label: 'enrol.educationLevel.isced-0-2' },
      { value: 'isced-3-4', label: 'enrol.educationLevel.isced-3-4' },
      { value: 'isced-5-8', label: 'enrol.educationLevel.isced-5-8' },
    ],
  },
  ...(['disability', 'thirdCountryNational', 'foreignBackground', 'minority', 'homeless', 'ruralArea'] as const).map((field) => ({ field, disclosable: true, options: yesNo })),
];

/** The words of a question: `enrol.q.<field>` is the question, `enrol.help.<field>` its plain-language help. */
export const questionLabel = (field: string) => `enrol.q.${field}` as MessageId;
export const questionHelp = (field: string) => `enrol.help.${field}` as MessageId;

/**
 * Where an API refusal belongs: the form field and the message. 400 field errors name a dotted
 * path (`personal.email`, `profile.birthDate`); rule refusals (422) a stable code.
 */
export const FIELD_OF_CODE: Readonly<Record<string, { field: string; message: MessageId }>> = {
  'ENROLMENT.DATE_IN_FUTURE': { field: 'enrolledOn', message: 'enrol.error.enrolledOn.future' },
  'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD': { field: 'enrolledOn', message: 'enrol.error.enrolledOn.outsidePeriod' },
  'PARTICIPANT.BORN_AFTER_ENROLMENT': { field: 'birthDate', message: 'enrol.error.birthDate.afterEnrolment' },
  'PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE': { field: 'birthDate', message: 'enrol.error.birthDate.implausible' },
};

/** The message for a 400 on a field: `enrol.error.<field>` (the form's field name, without `personal.`/`profile.`). */
export const formFieldOf = (apiField: string) => apiField.replace(/^(personal|profile)\./, '');

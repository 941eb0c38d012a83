import { EDUCATION_LEVELS, GENDERS, LABOUR_MARKET_STATUSES } from '@pathway/domain';

/** How a column's cells are read. */
export type ColumnKind = 'text' | 'date' | 'yes-no' | 'identity-number' | { oneOf: readonly string[] };

/**
 * A column of the participant sheet: where its value goes in the enrolment request the API
 * takes (`POST /projects/{id}/participants`), and its header in Swedish and English (also
 * matched without case, spaces or punctuation). `disclosable`: "not disclosed" is an answer (null).
 */
export interface ParticipantColumn {
  field: string;
  /** The request path: `participantId`, `enrolledOn`, `profile.<field>` or `personal.<field>`. */
  path: readonly [string] | readonly [string, string];
  sv: string;
  en: string;
  /** Further headers seen in projects' own spreadsheets. */
  aliases?: readonly string[];
  kind: ColumnKind;
  required?: boolean;
  disclosable?: boolean;
}

export const PARTICIPANT_COLUMNS: readonly ParticipantColumn[] = [
  { field: 'participantId', path: ['participantId'], sv: 'Deltagar-id', en: 'Participant id', aliases: ['id', 'deltagarkod', 'participant code'], kind: 'text' },
  { field: 'nationalIdentityNumber', path: ['personal', 'nationalIdentityNumber'], sv: 'Personnummer', en: 'Identity number', aliases: ['samordningsnummer', 'personal identity number', 'national identity number'], kind: 'identity-number' },
  { field: 'enrolledOn', path: ['enrolledOn'], sv: 'Inskrivningsdatum', en: 'Enrolment date', aliases: ['startdatum', 'start date', 'enrolled on'], kind: 'date', required: true },
  { field: 'name', path: ['personal', 'name'], sv: 'Namn', en: 'Name', kind: 'text' },
  { field: 'birthDate', path: ['profile', 'birthDate'], sv: 'Födelsedatum', en: 'Birth date', aliases: ['date of birth'], kind: 'date', disclosable: true },
  { field: 'gender', path: ['profile', 'gender'], sv: 'Kön', en: 'Gender', kind: { oneOf: GENDERS }, disclosable: true },
  { field: 'labourMarketStatus', path: ['profile', 'labourMarketStatus'], sv: 'Ställning på arbetsmarknaden', en: 'Labour market status', kind: { oneOf: LABOUR_MARKET_STATUSES }, required: true },
  { field: 'inEducationOrTraining', path: ['profile', 'inEducationOrTraining'], sv: 'I utbildning', en: 'In education or training', kind: 'yes-no', disclosable: true },
  { field: 'educationLevel', path: ['profile', 'educationLevel'], sv: 'Utbildningsnivå', en: 'Education level', kind: { oneOf: EDUCATION_LEVELS }, disclosable: true },
  { field: 'disability', path: ['profile', 'disability'], sv: 'Funktionsnedsättning', en: 'Disability', kind: 'yes-no', disclosable: true },
  { field: 'thirdCountryNational', path: ['profile', 'thirdCountryNational'], sv: 'Tredjelandsmedborgare', en: 'Third-country national', kind: 'yes-no', disclosable: true },
  { field: 'foreignBackground', path: ['profile', 'foreignBackground'], sv: 'Utländsk bakgrund', en: 'Foreign background', kind: 'yes-no', disclosable: true },
  { field: 'minority', path: ['profile', 'minority'], sv: 'Minoritet', en: 'Minority', kind: 'yes-no', disclosable: true },
  { field: 'homeless', path: ['profile', 'homeless'], sv: 'Hemlös', en: 'Homeless', kind: 'yes-no', disclosable: true },
  { field: 'ruralArea', path: ['profile', 'ruralArea'], sv: 'Landsbygd', en: 'Rural area', kind: 'yes-no', disclosable: true },
  { field: 'phone', path: ['personal', 'phone'], sv: 'Telefon', en: 'Phone', kind: 'text' },
  { field: 'email', path: ['personal', 'email'], sv: 'E-post', en: 'Email', kind: 'text' },
  { field: 'address', path: ['personal', 'address'], sv: 'Adress', en: 'Address', kind: 'text' },
  // The flag enrolment and contact details set: the SCB participant file then carries the replacement code, not the number.
  { field: 'protectedIdentity', path: ['personal', 'protectedIdentity'], sv: 'Skyddad identitet', en: 'Protected identity', aliases: ['sekretessmarkering'], kind: 'yes-no' },
];

/** The written answers for "not disclosed", in both languages (the template's drop-downs offer the first two). */
export const NOT_DISCLOSED = ['not disclosed', 'vill inte uppge', 'not-disclosed', 'uppges ej', 'vill ej uppge'] as const;
/** Yes and no as written in Swedish and English (the template offers the first of each). */
export const YES = ['ja', 'yes', 'true', 'sant', '1', 'x'] as const;
export const NO = ['nej', 'no', 'false', 'falskt', '0'] as const;

/** A header reduced for matching: lower case, without spaces, punctuation or a trailing `*`. */
export const headerKey = (header: string) => header.toLowerCase().normalize('NFC').replace(/[\s_\-./*()]+/g, '');

const BY_HEADER = new Map<string, ParticipantColumn>(
  PARTICIPANT_COLUMNS.flatMap((column) => [column.sv, column.en, column.field, ...(column.aliases ?? [])].map((name) => [headerKey(name), column] as const)),
);

/** The column a header names, in Swedish or English, or undefined for an unknown column. A template header "Kön / Gender" matches by either half. */
export function columnOfHeader(header: string): ParticipantColumn | undefined {
  return BY_HEADER.get(headerKey(header)) ?? header.split('/').map((half) => BY_HEADER.get(headerKey(half))).find((column) => column !== undefined);
}

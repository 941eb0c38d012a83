import {
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  EDUCATION_PROGRAMMES,
  EMPLOYMENT_TYPES,
  EXIT_REASONS,
  GROUP_SESSION_KINDS,
  INTERVENTION_KINDS,
  INTERVENTION_OUTCOMES,
  SCHOOL_LEVELS,
  SITUATIONS,
} from '@pathway/domain';
import { ColumnKind, columnOfHeader, headerKey, PARTICIPANT_COLUMNS } from './participant-columns';

/**
 * The milestone types the API takes (`POST /participants/{id}/milestones`, apps/api
 * milestone.dto.ts `MILESTONE_DTOS`), each with its words in Swedish and English. A type cell
 * may hold the API code or either word (case and spacing aside).
 */
export const MILESTONE_TYPE_WORDS: readonly { code: string; sv: string; en: string }[] = [
  { code: 'intervention-started', sv: 'Insats påbörjad', en: 'Intervention started' },
  { code: 'intervention-ended', sv: 'Insats avslutad', en: 'Intervention ended' },
  { code: 'school-completed', sv: 'Skola avslutad', en: 'School completed' },
  { code: 'qualification-gained', sv: 'Kvalifikation erhållen', en: 'Qualification gained' },
  { code: 'education-entered', sv: 'Började studera', en: 'Education entered' },
  { code: 'job-search-started', sv: 'Började söka arbete', en: 'Job search started' },
  { code: 'job-placed', sv: 'Fick arbete', en: 'Job placed' },
  { code: 'exited', sv: 'Avslutad', en: 'Exited' },
  { code: 'follow-up-recorded', sv: 'Uppföljning', en: 'Follow-up recorded' },
  { code: 're-entered', sv: 'Återinskriven', en: 'Re-entered' },
  { code: 'group-session-attended', sv: 'Gruppträff', en: 'Group session attended' },
];

const TYPE_BY_WORD = new Map(MILESTONE_TYPE_WORDS.flatMap((t) => [t.code, t.sv, t.en].map((word) => [headerKey(word), t.code] as const)));

/** The API code of a milestone type written as its code or its Swedish or English words; undefined if none. */
export const milestoneTypeOf = (written: string): string | undefined => TYPE_BY_WORD.get(headerKey(written));

/**
 * A column of the milestone sheet. `field` is the request body's field name as the milestone
 * DTOs use it (also accepted as the header); `kind` only says how a cell is read: whether the
 * value is allowed is the DTO's rule, checked by the API's own validation.
 */
export interface MilestoneColumn {
  field: string;
  sv: string;
  en: string;
  kind: ColumnKind | 'number';
  required?: boolean;
  /** Closed lists offered in the template's drop-down (the DTO still decides). */
  list?: readonly string[];
}

const participantColumn = (field: string) => {
  const column = PARTICIPANT_COLUMNS.find((c) => c.field === field)!;
  return { field, sv: column.sv, en: column.en, kind: column.kind };
};

/** The row identity (as on the participant sheet), the type and date, then one column per DTO field. */
export const MILESTONE_COLUMNS: readonly MilestoneColumn[] = [
  participantColumn('participantId'),
  participantColumn('nationalIdentityNumber'),
  { field: 'type', sv: 'Händelse', en: 'Milestone type', kind: 'text', required: true, list: MILESTONE_TYPE_WORDS.map((t) => t.sv) },
  { field: 'occurredOn', sv: 'Datum', en: 'Occurred on', kind: 'date', required: true },
  { field: 'interventionId', sv: 'Insats-id', en: 'Intervention id', kind: 'text' },
  { field: 'kind', sv: 'Slag', en: 'Kind', kind: 'text', list: [...new Set([...INTERVENTION_KINDS, ...GROUP_SESSION_KINDS])] },
  { field: 'outcome', sv: 'Utfall', en: 'Outcome', kind: 'text', list: INTERVENTION_OUTCOMES },
  { field: 'level', sv: 'Skolnivå', en: 'School level', kind: 'text', list: SCHOOL_LEVELS },
  { field: 'fullGrades', sv: 'Fullständiga betyg', en: 'Full grades', kind: 'yes-no' },
  { field: 'qualification', sv: 'Kvalifikation', en: 'Qualification', kind: 'text' },
  { field: 'iscedLevel', sv: 'ISCED-nivå', en: 'ISCED level', kind: 'text', list: EDUCATION_LEVELS },
  { field: 'programme', sv: 'Utbildning', en: 'Programme', kind: 'text', list: EDUCATION_PROGRAMMES },
  { field: 'employment', sv: 'Anställningsform', en: 'Employment', kind: 'text', list: EMPLOYMENT_TYPES },
  { field: 'contract', sv: 'Avtal', en: 'Contract', kind: 'text', list: CONTRACT_TYPES },
  { field: 'hoursPerWeek', sv: 'Timmar per vecka', en: 'Hours per week', kind: 'number' },
  { field: 'reason', sv: 'Orsak', en: 'Reason', kind: 'text', list: EXIT_REASONS },
  { field: 'situation', sv: 'Situation', en: 'Situation', kind: 'text', list: SITUATIONS },
  { field: 'monthsAfterExit', sv: 'Månader efter avslut', en: 'Months after exit', kind: 'number' },
  { field: 'improvedSituation', sv: 'Förbättrad situation', en: 'Improved situation', kind: 'yes-no' },
  { field: 'sessionId', sv: 'Träff-id', en: 'Session id', kind: 'text' },
];

const BY_HEADER = new Map<string, MilestoneColumn>(
  MILESTONE_COLUMNS.flatMap((column) => [column.sv, column.en, column.field].map((name) => [headerKey(name), column] as const)),
);

/** The milestone column a header names (Swedish, English or the DTO field name; "Datum / Occurred on" by either half). */
export function milestoneColumnOfHeader(header: string): MilestoneColumn | undefined {
  return BY_HEADER.get(headerKey(header)) ?? header.split('/').map((half) => BY_HEADER.get(headerKey(half))).find((column) => column !== undefined);
}

/** Whether a sheet, by its name in Swedish or English, holds milestones. */
export const isMilestoneSheet = (name: string) => /milstolpe|milstolpar|milestone|händelse/i.test(name);

/**
 * Whether a header row is a milestone sheet's: it names the milestone type column and not the
 * participant sheet's enrolment date (how a CSV, which has no sheet name, says it holds milestones).
 */
export function isMilestoneHeader(cells: readonly unknown[]): boolean {
  const headers = cells.filter((cell): cell is string => typeof cell === 'string');
  return headers.some((h) => milestoneColumnOfHeader(h)?.field === 'type') && !headers.some((h) => columnOfHeader(h)?.field === 'enrolledOn');
}

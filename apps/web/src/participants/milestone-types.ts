import type { components } from '../api/schema';
import { MessageId } from '../i18n/messages.en';

type Schemas = components['schemas'];
/**
 * The API's name of a milestone type (`job-placed`), from the OpenAPI document: those recorded one
 * participant at a time. Attending a group session is recorded for many at once, on its own screen.
 */
export type MilestoneType = Exclude<Schemas['ExitedDto']['type'], 'group-session-attended'>;

/**
 * Every value of an API enum, in the order the form offers them. A `Record` over the generated
 * union, so the compiler refuses a list that misses a value the API accepts or has one it refuses.
 */
const valuesOf = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

export const MILESTONE_TYPES = valuesOf<MilestoneType>({
  'intervention-started': true, 'intervention-ended': true, 'job-search-started': true, 'job-placed': true, 'education-entered': true,
  'school-completed': true, 'qualification-gained': true, exited: true, 'follow-up-recorded': true, 're-entered': true,
});

/** The event each milestone type records: the timeline shows event types (`JobPlaced`). */
export const EVENT_TYPE_OF: Record<MilestoneType, string> = {
  'intervention-started': 'InterventionStarted', 'intervention-ended': 'InterventionEnded', 'school-completed': 'SchoolCompleted',
  'qualification-gained': 'QualificationGained', 'education-entered': 'EducationEntered', 'job-search-started': 'JobSearchStarted',
  'job-placed': 'JobPlaced', exited: 'ParticipantExited', 'follow-up-recorded': 'FollowUpRecorded', 're-entered': 'ParticipantReEntered',
};

/**
 * What the form offers for a participant's status: the domain refuses an activity, an exit or a
 * follow-up at the wrong time anyway (and the form shows why); offering only what can hold keeps
 * the list short. Outcomes (job, education, qualification) are welcome after exit too.
 */
export function typesFor(status: 'active' | 'exited' | 'withdrawn'): MilestoneType[] {
  if (status === 'withdrawn') return []; // an enrolment made in error takes nothing more
  const onlyActive: MilestoneType[] = ['intervention-started', 'intervention-ended', 'exited'];
  const onlyExited: MilestoneType[] = ['follow-up-recorded', 're-entered'];
  return MILESTONE_TYPES.filter((type) => !(status === 'exited' ? onlyActive : onlyExited).includes(type));
}

export interface Option {
  value: string;
  label: MessageId;
}
const options = <T extends string>(prefix: string, values: T[]): Option[] => values.map((value) => ({ value, label: `${prefix}.${value}` as MessageId }));

export const KIND_OPTIONS = options('option.kind', valuesOf<Schemas['InterventionStartedDto']['kind']>({
  'supported-employment': true, ips: true, 'supported-education': true, 'career-guidance': true, 'training-course': true,
  'work-practice': true, mentoring: true, 'study-visit': true, 'school-support': true, 'group-activity': true, other: true,
}));
const OUTCOMES = options('option.outcome', valuesOf<Schemas['InterventionEndedDto']['outcome']>({ completed: true, discontinued: true }));
const LEVELS = options('option.level', valuesOf<Schemas['SchoolCompletedDto']['level']>({ compulsory: true, 'upper-secondary': true }));
const ISCED = options('option.isced', valuesOf<NonNullable<Schemas['QualificationGainedDto']['iscedLevel']>>({ 'isced-0-2': true, 'isced-3-4': true, 'isced-5-8': true }));
const PROGRAMMES = options('option.programme', valuesOf<Schemas['EducationEnteredDto']['programme']>({
  'upper-secondary': true, vocational: true, 'adult-education': true, 'higher-education': true, other: true,
}));
const EMPLOYMENT = options('option.employment', valuesOf<Schemas['JobPlacedDto']['employment']>({ employee: true, 'self-employed': true }));
const CONTRACTS = options('option.contract', valuesOf<Schemas['JobPlacedDto']['contract']>({ permanent: true, temporary: true, subsidised: true }));
const REASONS = options('option.reason', valuesOf<Schemas['ExitedDto']['reason']>({ completed: true, 'dropped-out': true, moved: true, other: true }));
const SITUATIONS = options('option.situation', valuesOf<Schemas['ExitedDto']['situation']>({
  employed: true, 'self-employed': true, 'in-education-or-training': true, 'job-searching': true, inactive: true, unknown: true,
}));

/** One answer of a milestone form besides its date; `name` is the request body's field. */
export type FieldSpec =
  | { name: string; control: 'select'; label: MessageId; options: Option[]; optional?: boolean }
  | { name: string; control: 'yesNo'; label: MessageId; hint?: MessageId }
  | { name: string; control: 'text'; label: MessageId; hint?: MessageId; maxLength: number }
  | { name: string; control: 'number'; label: MessageId; min: number; max: number; optional?: boolean; defaultValue?: number; integer?: boolean }
  | { name: 'interventionId'; control: 'openIntervention'; label: MessageId };

/** The answers each milestone type asks for (the DTOs in apps/api/src/participants/milestone.dto.ts). */
export const FIELDS: Record<MilestoneType, FieldSpec[]> = {
  'intervention-started': [{ name: 'kind', control: 'select', label: 'record.kind', options: KIND_OPTIONS }],
  'intervention-ended': [
    { name: 'interventionId', control: 'openIntervention', label: 'record.intervention' },
    { name: 'outcome', control: 'select', label: 'record.outcome', options: OUTCOMES },
  ],
  'school-completed': [
    { name: 'level', control: 'select', label: 'record.level', options: LEVELS },
    { name: 'fullGrades', control: 'yesNo', label: 'record.fullGrades' },
  ],
  'qualification-gained': [
    { name: 'qualification', control: 'text', label: 'record.qualification', hint: 'record.qualification.hint', maxLength: 200 },
    { name: 'iscedLevel', control: 'select', label: 'record.iscedLevel', options: ISCED, optional: true },
  ],
  'education-entered': [{ name: 'programme', control: 'select', label: 'record.programme', options: PROGRAMMES }],
  'job-search-started': [],
  'job-placed': [
    { name: 'employment', control: 'select', label: 'record.employment', options: EMPLOYMENT },
    { name: 'contract', control: 'select', label: 'record.contract', options: CONTRACTS },
    { name: 'hoursPerWeek', control: 'number', label: 'record.hoursPerWeek', min: 0, max: 168, optional: true },
  ],
  exited: [
    { name: 'reason', control: 'select', label: 'record.reason', options: REASONS },
    { name: 'situation', control: 'select', label: 'record.situation', options: SITUATIONS },
  ],
  'follow-up-recorded': [
    { name: 'monthsAfterExit', control: 'number', label: 'record.monthsAfterExit', min: 1, max: 120, defaultValue: 6, integer: true },
    { name: 'situation', control: 'select', label: 'record.followUpSituation', options: SITUATIONS },
    { name: 'improvedSituation', control: 'yesNo', label: 'record.improved', hint: 'record.improved.hint' },
  ],
  're-entered': [],
};

/**
 * The request body from the form's answers: empty optional answers left out (the API stores
 * null), numbers as numbers, yes / no / not known as true / false / null. A required answer left
 * empty is sent empty, so the API names the field (400) and the form shows it there.
 */
export function milestoneBody(type: MilestoneType, form: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = { type, occurredOn: String(form.get('occurredOn') ?? '').trim() };
  for (const field of FIELDS[type]) {
    const raw = String(form.get(field.name) ?? '').trim();
    if (field.control === 'yesNo') body[field.name] = raw === 'yes' ? true : raw === 'no' ? false : null;
    else if (field.control === 'number') {
      if (raw !== '') body[field.name] = Number(raw.replace(',', '.'));
      else if (!field.optional) body[field.name] = raw;
    } else if (raw !== '' || !('optional' in field && field.optional)) body[field.name] = raw;
  }
  return body;
}

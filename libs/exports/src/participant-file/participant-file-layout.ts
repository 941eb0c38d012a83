import { Gender, GENDERS, IsoDate } from '@pathway/domain';

/**
 * The column layout of the monthly participant file and the replacement code for persons with
 * protected identity (skyddad identitet), both configurable because they follow the template and
 * instructions the project receives from SCB, which may differ between programme periods.
 * Validated once at start (`PARTICIPANT_FILE_COLUMNS`, `PARTICIPANT_FILE_PROTECTED_CODE`,
 * `PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS`); a bad value is a configuration error.
 */

/** What a column holds. `note` is Pathway's own explanation of a row without an identity number. */
export const PARTICIPANT_FILE_FIELDS = ['identityNumber', 'startDate', 'endDate', 'note', 'projectId', 'month', 'text'] as const;
export type ParticipantFileField = (typeof PARTICIPANT_FILE_FIELDS)[number];

/** How a date column writes its dates. */
export const PARTICIPANT_FILE_DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD'] as const;
export type ParticipantFileDateFormat = (typeof PARTICIPANT_FILE_DATE_FORMATS)[number];

/** One column: its header as the template writes it, what it holds, and for `text` the fixed value. */
export interface ParticipantFileColumn {
  header: string;
  field: ParticipantFileField;
  /** For `startDate` and `endDate`; default `YYYY-MM-DD`. */
  dateFormat?: ParticipantFileDateFormat;
  /** For `text`: the same value on every row (e.g. a case number SCB gave the project). */
  value?: string;
}

/** The replacement code of a person with protected identity: a template and the gender letters it uses. */
export interface ProtectedIdentityCode {
  /** `{YYYY}`, `{MM}`, `{DD}` (birth date) and `{G}` (gender letter) are replaced; anything else is written as is. */
  template: string;
  /** The letter per gender in the entry profile; a gender without a letter cannot make a code. */
  genderLetters: Partial<Record<Gender, string>>;
}

export interface ParticipantFileLayout {
  columns: readonly ParticipantFileColumn[];
  protectedIdentity: ProtectedIdentityCode;
}

/** The default columns: identity number, start date, end date, then a note of Pathway's own. */
export const DEFAULT_PARTICIPANT_FILE_COLUMNS: readonly ParticipantFileColumn[] = [
  { header: 'Personnummer', field: 'identityNumber' },
  { header: 'Startdatum', field: 'startDate' },
  { header: 'Slutdatum', field: 'endDate' },
  { header: 'Anmärkning', field: 'note' },
];

/**
 * The default replacement code, after SCB's instructions for ESF project participant files: the
 * birth date as ÅÅÅÅMMDD, then `T`, the gender letter and `29` (the text at hand reads
 * "ÅÅÅÅMMDDTf29 för kvinnor…" and is cut off). A project must check it against the instructions
 * it received and configure `PARTICIPANT_FILE_PROTECTED_CODE` and `…_GENDER_LETTERS` to match.
 */
export const DEFAULT_PROTECTED_IDENTITY_CODE: ProtectedIdentityCode = { template: '{YYYY}{MM}{DD}T{G}29', genderLetters: { woman: 'F', man: 'M' } };

export const DEFAULT_PARTICIPANT_FILE_LAYOUT: ParticipantFileLayout = { columns: DEFAULT_PARTICIPANT_FILE_COLUMNS, protectedIdentity: DEFAULT_PROTECTED_IDENTITY_CODE };

/** A configuration value that cannot be used; the message names the setting and what is wrong. */
export class ParticipantFileConfigError extends Error {}

const PLACEHOLDER = /\{([^}]*)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['YYYY', 'MM', 'DD', 'G']);

/**
 * The layout from the settings' raw values (unset: the defaults).
 * `columns`: a JSON array of `{ "header": string, "field": one of PARTICIPANT_FILE_FIELDS,
 * "dateFormat"?: "YYYY-MM-DD" | "YYYYMMDD", "value"?: string }`, with exactly one `identityNumber`
 * column; `protectedCode`: a template (see `ProtectedIdentityCode`) that must use `{YYYY}`, `{MM}`,
 * `{DD}` and `{G}`; `genderLetters`: a JSON object from `woman`, `man`, `non-binary` to a letter.
 * @throws ParticipantFileConfigError naming the setting and the fault
 */
export function parseParticipantFileLayout(raw: { columns?: string; protectedCode?: string; genderLetters?: string }): ParticipantFileLayout {
  return {
    columns: raw.columns === undefined || raw.columns.trim() === '' ? DEFAULT_PARTICIPANT_FILE_COLUMNS : parseColumns(raw.columns),
    protectedIdentity: {
      template: raw.protectedCode === undefined || raw.protectedCode === '' ? DEFAULT_PROTECTED_IDENTITY_CODE.template : parseTemplate(raw.protectedCode),
      genderLetters: raw.genderLetters === undefined || raw.genderLetters.trim() === '' ? DEFAULT_PROTECTED_IDENTITY_CODE.genderLetters : parseGenderLetters(raw.genderLetters),
    },
  };
}

function parseColumns(text: string): ParticipantFileColumn[] {
  const fail = (reason: string): never => {
    throw new ParticipantFileConfigError(`PARTICIPANT_FILE_COLUMNS ${reason}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('must be JSON: an array of {"header": ..., "field": ...}');
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 50) return fail('must be an array of 1 to 50 columns');
  const columns = parsed.map((c: unknown, i): ParticipantFileColumn => {
    const at = `column ${i + 1}`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return fail(`${at} must be an object with "header" and "field"`);
    const { header, field, dateFormat, value, ...rest } = c as Record<string, unknown>;
    if (Object.keys(rest).length > 0) fail(`${at} has unknown keys: ${Object.keys(rest).join(', ')}`);
    if (typeof header !== 'string' || header.trim() === '' || header.length > 100) fail(`${at} needs a "header" of 1 to 100 characters`);
    if (!PARTICIPANT_FILE_FIELDS.includes(field as ParticipantFileField)) fail(`${at} needs a "field", one of ${PARTICIPANT_FILE_FIELDS.join(', ')}`);
    if (dateFormat !== undefined && (!['startDate', 'endDate'].includes(field as string) || !PARTICIPANT_FILE_DATE_FORMATS.includes(dateFormat as ParticipantFileDateFormat))) {
      fail(`${at}: "dateFormat" is for startDate and endDate only, one of ${PARTICIPANT_FILE_DATE_FORMATS.join(', ')}`);
    }
    if ((field === 'text') !== (typeof value === 'string') || (typeof value === 'string' && value.length > 200)) fail(`${at}: a "text" column needs a "value" (up to 200 characters), and only it`);
    return { header: header as string, field: field as ParticipantFileField, ...(dateFormat ? { dateFormat: dateFormat as ParticipantFileDateFormat } : {}), ...(typeof value === 'string' ? { value } : {}) };
  });
  if (columns.filter((c) => c.field === 'identityNumber').length !== 1) fail('must have exactly one identityNumber column');
  if (new Set(columns.map((c) => c.header)).size !== columns.length) fail('must not repeat a header');
  return columns;
}

function parseTemplate(template: string): string {
  const used = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  const unknown = used.filter((p) => !KNOWN_PLACEHOLDERS.has(p));
  if (unknown.length > 0 || template.length > 40) {
    throw new ParticipantFileConfigError(`PARTICIPANT_FILE_PROTECTED_CODE may use only {YYYY}, {MM}, {DD} and {G}, up to 40 characters (got {${unknown.join('}, {')}})`);
  }
  if (!['YYYY', 'MM', 'DD', 'G'].every((p) => used.includes(p))) {
    throw new ParticipantFileConfigError('PARTICIPANT_FILE_PROTECTED_CODE must use {YYYY}, {MM}, {DD} and {G}, e.g. {YYYY}{MM}{DD}T{G}29');
  }
  return template;
}

function parseGenderLetters(text: string): Partial<Record<Gender, string>> {
  const fail = (): never => {
    throw new ParticipantFileConfigError(`PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS must be a JSON object from ${GENDERS.join(', ')} to a letter or two, e.g. {"woman":"F","man":"M"}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail();
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.some(([gender, letter]) => !GENDERS.includes(gender as Gender) || typeof letter !== 'string' || !/^[A-Za-zÅÄÖåäö0-9]{1,2}$/.test(letter))) fail();
  return Object.fromEntries(entries) as Partial<Record<Gender, string>>;
}

/**
 * The replacement code of a person with protected identity, from their birth date and gender (the
 * entry profile's, corrected as it stands), or null when either is missing or the gender has no
 * letter: the row then says why, it never falls back to the identity number.
 */
export function protectedIdentityCode(code: ProtectedIdentityCode, birthDate: IsoDate | null, gender: Gender | null): string | null {
  const letter = gender === null ? undefined : code.genderLetters[gender];
  if (birthDate === null || letter === undefined) return null;
  const [yyyy, mm, dd] = birthDate.split('-') as [string, string, string];
  const values: Record<string, string> = { YYYY: yyyy, MM: mm, DD: dd, G: letter };
  return code.template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/** A date as the column writes it. */
export const formatFileDate = (date: IsoDate, format: ParticipantFileDateFormat = 'YYYY-MM-DD'): string => (format === 'YYYYMMDD' ? date.replaceAll('-', '') : date);

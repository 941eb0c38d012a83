import { createHmac } from 'node:crypto';
import {
  canonicalJson,
  CommandDependencies,
  enrolParticipant,
  idempotencyOf,
  loadProject,
  loadStream,
  nameBasedUuid,
  participantStream,
  RequestContext,
  todayIn,
} from '@pathway/application';
import { DomainError, EntryProfile, Milestone, notFound, participantDecider, ParticipantEnrolled, ParticipantState, ProjectDetails } from '@pathway/domain';
import { BLIND_INDEX_KEY_ID, IdentityIndex, KeyStore, openPersonalData, PersonalData, Sealed, sealPersonalData } from '@pathway/privacy';
import { ImportFileRefused, ImportProblem } from './import-problem';
import { EnrolmentBody, ParsedRow, ParsedSheet, parseParticipantSheet } from './parse-participant-sheet';
import { readTable, Sheet, Table } from './read-table';
import { DEFAULT_ZIP_LIMITS, ZipLimits } from './zip-guard';
import { isMilestoneHeader, isMilestoneSheet } from './milestone-columns';
import { ParsedMilestoneRow, ParsedMilestoneSheet, parseMilestoneSheet } from './parse-milestone-sheet';

/** An enrolment as the API's DTO reads it (the same class and rules): profile with left-out answers as null. */
export interface ValidEnrolment {
  participantId?: string;
  enrolledOn: string;
  profile: EntryProfile;
  personal?: PersonalData;
}

/**
 * Validates one row's request body with the API's own DTO and options (apps/api: the enrolment
 * DTO through class-validator): either the enrolment, or each broken rule as a dotted field path
 * (`profile.gender`) and the class-validator constraint (`isIn`).
 */
export type BodyValidator = (body: EnrolmentBody) => Promise<{ enrolment: ValidEnrolment } | { errors: { field: string; constraint: string }[] }>;

/** A milestone as the API's DTO made it (`toMilestone`): opaque here, handed back to `MilestoneRecorder`. */
export type ImportedMilestone = { type: string; occurredOn: string } & Record<string, unknown>;

/**
 * Validates a milestone row's body with the API's own DTO for its type (apps/api: `MILESTONE_DTOS`
 * through class-validator with the API's options); `newId` gives the id the server would make
 * (a new intervention or session), here derived from the row so a re-import makes the same.
 */
export type MilestoneValidator = (
  body: Record<string, unknown>,
  newId: () => string,
) => Promise<{ milestone: ImportedMilestone } | { errors: { field: string; constraint: string }[] }>;

/** Records a milestone through the API's command path (`POST /participants/{id}/milestones`: free text sealed there). */
export type MilestoneRecorder = (participantId: string, milestone: ImportedMilestone, request: RequestContext) => Promise<{ replayed: boolean }>;

export interface ImportDependencies {
  commands: CommandDependencies;
  keys: KeyStore;
  identities: IdentityIndex;
}

export interface ImportOptions {
  projectId: string;
  /** True: every check, nothing written. */
  dryRun: boolean;
  validateBody: BodyValidator;
  request: RequestContext;
  limits?: ZipLimits;
  /** With these, an XLSX's milestone sheet ("Milstolpar" / "Milestones") is imported after the participants, or a CSV of milestone rows (`sheetsOf`). */
  milestones?: { validate: MilestoneValidator; record: MilestoneRecorder };
  /**
   * Called as rows get their outcome: `done` of `total` rows (participant and milestone rows
   * together; in a commit a participant row is done once written, or once found invalid,
   * unchanged or in conflict). Counts only, never a row's content.
   */
  onProgress?: (progress: ImportProgress) => void;
}

/** How far an import is: rows with their outcome decided, of all the file's participant and milestone rows. */
export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * What became of a row: `new` (would be enrolled: dry run), `enrolled` (written now), `unchanged`
 * (an earlier import wrote this very row: nothing new), `conflict` (the participant exists with
 * other values, or was enrolled otherwise: never overwritten), `invalid` (see the problems).
 */
export type RowOutcome = 'new' | 'enrolled' | 'unchanged' | 'conflict' | 'invalid';

/**
 * What became of a milestone row: `new` (would be recorded: dry run), `recorded`, `unchanged`
 * (an earlier import recorded this very row), `conflict` (an earlier import recorded this
 * participant, type and date with other fields: IMPORT.MILESTONE_CHANGED), `invalid`.
 */
export type MilestoneOutcome = 'new' | 'recorded' | 'unchanged' | 'conflict' | 'invalid';

export interface ImportReport {
  projectId: string;
  dryRun: boolean;
  format: Table['format'];
  encoding?: Table['encoding'];
  separator?: Table['separator'];
  rowsRead: number;
  counts: Record<RowOutcome, number>;
  /** One entry per participant row read without a file-level error: its row number, outcome, and participant id. */
  rows: { row: number; outcome: RowOutcome; participantId?: string }[];
  /** Milestone rows read from the milestone sheet (0 without one). */
  milestoneRowsRead: number;
  milestoneCounts: Record<MilestoneOutcome, number>;
  /** One entry per milestone row read without a sheet-level error. */
  milestoneRows: { row: number; outcome: MilestoneOutcome; participantId?: string }[];
  /** Every problem, by sheet, row and column, with a stable code; never a cell's content. */
  problems: ImportProblem[];
}

/**
 * The sheets to import: participants from the one named so in Swedish or English, else the first
 * that is not a milestone sheet; milestones from an XLSX's milestone sheet ("Milstolpar" /
 * "Milestones"), or from a CSV whose header names milestone columns (`isMilestoneHeader`: then
 * the CSV holds milestones only, of the project's participants).
 */
function sheetsOf(table: Table): { participants?: Sheet; milestones?: Sheet } {
  if (table.format === 'csv') {
    const [csv] = table.sheets;
    return csv && isMilestoneHeader(csv.rows[0]?.cells ?? []) ? { milestones: csv } : { participants: csv };
  }
  const participants = table.sheets.find((s) => /deltagare|participants/i.test(s.name)) ?? table.sheets.find((s) => !isMilestoneSheet(s.name));
  return { participants, milestones: table.sheets.find((s) => s !== participants && isMilestoneSheet(s.name)) };
}

/** An import file read and its sheets parsed for a project (`readImport`): what `runImport` goes on from. */
export interface ReadImport {
  table: Table;
  project: ProjectDetails;
  /** ISO date in the project's time zone. */
  today: string;
  /** The participant sheet, if the file has one, and its rows as parsed (none without one). */
  sheet?: Sheet;
  parsed: ParsedSheet;
  /** The milestone sheet and its rows, when milestones are imported (`options.milestones`) and the file has one. */
  milestoneSheet?: Sheet;
  milestoneRows?: ParsedMilestoneSheet;
}

/**
 * Reads an import file (`readTable`) and parses its participant and milestone sheets for the
 * project: the part of `runImport` that decides whether the file is refused whole. A header
 * without rows below it, and no error to report instead, is IMPORT.NO_DATA_ROWS: a clear refusal,
 * not a report of nothing. A CSV's is found by `checkFile` already; an XLSX's rows are known only
 * once it is read, so the API calls this before the import's job starts.
 *
 * Throws `ImportFileRefused` (an unreadable file, IMPORT.NO_DATA_ROWS), DomainError PROJECT.NOT_FOUND.
 */
export async function readImport(deps: ImportDependencies, file: Buffer, options: Pick<ImportOptions, 'projectId' | 'limits' | 'milestones'>): Promise<ReadImport> {
  const table = await readTable(file, options.limits ?? DEFAULT_ZIP_LIMITS);
  const project = await loadProject(deps.commands, options.projectId);
  if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
  const today = todayIn(deps.commands, project);
  const { participants: sheet, milestones: foundMilestones } = sheetsOf(table);
  const parsed = sheet ? parseParticipantSheet(sheet, today) : { rows: [], invalidRows: [], problems: [], rowsRead: 0 };
  const milestoneSheet = options.milestones ? foundMilestones : undefined;
  const milestoneRows = milestoneSheet ? parseMilestoneSheet(milestoneSheet, today) : undefined;
  if (parsed.rowsRead === 0 && !milestoneRows?.rowsRead && ![...parsed.problems, ...(milestoneRows?.problems ?? [])].some((p) => p.severity === 'error')) {
    throw new ImportFileRefused('IMPORT.NO_DATA_ROWS', 'The file holds no rows below its header');
  }
  return { table, project, today, sheet, parsed, milestoneSheet, milestoneRows };
}

/**
 * Imports the participants of a spreadsheet (XLSX or CSV, see `readTable`) into a project:
 * each row read (`parseParticipantSheet`), validated by the API's enrolment DTO
 * (`validateBody`) and the participant decider's enrolment rules on the project (dates within
 * the project, not in the future, a plausible birth date), then, unless `dryRun`, enrolled
 * through `enrolParticipant`, the API's own command path.
 *
 * A row's participant is its id column, else `nameBasedUuid(import/<project>/<blind index of the
 * identity number>)`, so the same person gets the same id on every import without the number
 * showing in it. The enrolment is written under the Idempotency-Key `import/<project>/<id>` with
 * a fingerprint of the row (HMAC under the installation's blind-index key, so the log cannot
 * confirm a guess of a row's personal data): a row already imported with the same values is
 * `unchanged` (nothing written, also for another caller), one with other values or a participant
 * enrolled otherwise is a `conflict` (never overwritten: corrections stay corrections), so an
 * interrupted import is completed by running it again. Milestone rows follow the participants
 * (`importMilestones`). Progress goes to `onProgress` in rows; the event loop gets a turn every
 * YIELD_EVERY_ROWS rows, so a server running this in the background keeps answering.
 *
 * `file` is the file's bytes, or the file as `readImport` read it already (the API reads it before
 * the import's job starts, so that a file with nothing to import is refused up front).
 *
 * Throws `ImportFileRefused` for an unreadable file or one without data rows (IMPORT.NO_DATA_ROWS),
 * DomainError PROJECT.NOT_FOUND.
 */
export async function runImport(deps: ImportDependencies, file: Buffer | ReadImport, options: ImportOptions): Promise<ImportReport> {
  const { table, project, today, sheet, parsed, milestoneSheet, milestoneRows } = Buffer.isBuffer(file) ? await readImport(deps, file, options) : file;
  const problems = [...parsed.problems];
  const report: ImportReport = {
    projectId: options.projectId,
    dryRun: options.dryRun,
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.separator ? { separator: table.separator } : {}),
    rowsRead: parsed.rowsRead,
    counts: { new: 0, enrolled: 0, unchanged: 0, conflict: 0, invalid: 0 },
    rows: [],
    milestoneRowsRead: 0,
    milestoneCounts: { new: 0, recorded: 0, unchanged: 0, conflict: 0, invalid: 0 },
    milestoneRows: [],
    problems,
  };
  const total = parsed.rows.length + parsed.invalidRows.length + (milestoneRows ? milestoneRows.rows.length + milestoneRows.invalidRows.length : 0);
  let done = 0;
  const rowDone = async () => {
    options.onProgress?.({ done: ++done, total });
    // The store's calls resolve without a macrotask: a server answering progress (and anything else) needs its turn.
    if (done % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  options.onProgress?.({ done, total });
  const fingerprintKey = (await deps.keys.dataKeyFor(BLIND_INDEX_KEY_ID)).material;
  const planned: { row: ParsedRow; enrolment: ValidEnrolment; participantId: string; fingerprint: string }[] = [];
  // Rows that did not read (their problems are in already) are counted and listed like those a rule refuses.
  for (const row of parsed.invalidRows) {
    report.rows.push({ row, outcome: 'invalid' });
    await rowDone();
  }

  for (const row of parsed.rows) {
    const checked = await checkRow(deps, row, project, today, options);
    if ('problems' in checked) {
      problems.push(...checked.problems);
      report.rows.push({ row: row.row, outcome: 'invalid' });
      await rowDone();
    } else {
      const participantId = checked.enrolment.participantId ?? nameBasedUuid(`import/${project.projectId}/${await deps.identities.digestOf(row.identity.value)}`);
      const fingerprint = createHmac('sha256', fingerprintKey).update(`import-row:${project.projectId}\n${canonicalJson(checked.enrolment)}`).digest('hex');
      const existing = await existingOutcome(deps, participantId, fingerprint, row, checked.enrolment, project.projectId);
      if (existing) {
        if (existing.problem) problems.push(existing.problem);
        report.rows.push({ row: row.row, outcome: existing.outcome, participantId });
        await rowDone();
      } else if (options.dryRun) {
        planned.push({ row, enrolment: checked.enrolment, participantId, fingerprint });
        await rowDone();
      } else planned.push({ row, enrolment: checked.enrolment, participantId, fingerprint });
    }
  }

  if (options.dryRun) for (const { row, participantId } of planned) report.rows.push({ row: row.row, outcome: 'new', participantId });
  else {
    // Files the identity numbers of rows an interrupted import wrote before it could file them.
    const byRow = new Map(parsed.rows.map((r) => [r.row, r]));
    const unchanged = report.rows.filter((r) => r.outcome === 'unchanged');
    await deps.identities.fileAll(unchanged.map((r) => ({ participantId: r.participantId!, personal: byRow.get(r.row)?.body.personal })));
    for (let start = 0; start < planned.length; start += COMMIT_CHUNK) {
      const chunk = planned.slice(start, start + COMMIT_CHUNK);
      // The chunk's keys, durable in one key-store transaction, before any event sealed with them is appended.
      await deps.keys.createKeys(chunk.filter((p) => p.enrolment.personal).map((p) => p.participantId));
      const written: { participantId: string; personal: PersonalData | undefined }[] = [];
      for (const { row, enrolment, participantId, fingerprint } of chunk) {
        const outcome = await commitRow(deps, project.projectId, participantId, enrolment, fingerprint, row, options.request, problems);
        report.rows.push({ row: row.row, outcome, participantId });
        if (outcome !== 'conflict') written.push({ participantId, personal: enrolment.personal });
        await rowDone();
      }
      // After the events, as the API files on enrolment; a crash in between is repaired by running the import again.
      await deps.identities.fileAll(written);
    }
  }
  report.rows.sort((a, b) => a.row - b.row);
  for (const entry of report.rows) report.counts[entry.outcome]++;
  if (table.format === 'xlsx' && sheet) for (const problem of problems) problem.sheet ??= sheet.name;

  if (milestoneSheet && milestoneRows && options.milestones) {
    const participantRows = new Map(parsed.rows.map((r) => [r.row, r]));
    const imported = new Map<string, string>();
    for (const entry of report.rows) {
      if (entry.outcome !== 'new' && entry.outcome !== 'enrolled' && entry.outcome !== 'unchanged') continue;
      const row = participantRows.get(entry.row)!;
      if (row.body.participantId) imported.set(`id:${row.body.participantId}`, entry.participantId!);
      const number = row.body.personal?.nationalIdentityNumber;
      if (number) imported.set(`nin:${await deps.identities.digestOf(number)}`, entry.participantId!);
    }
    // A dry run decides each milestone on the state its participant would have: enrolled by this import, or as stored.
    const wouldEnrol = new Map(options.dryRun ? planned.map((p) => [p.participantId, p.enrolment] as const) : []);
    const states = new Map<string, ParticipantState>();
    const stateOf = async (participantId: string): Promise<ParticipantState> => {
      const known = states.get(participantId);
      if (known) return known;
      const enrolment = wouldEnrol.get(participantId);
      const state = enrolment
        ? participantDecider
            .decide({ type: 'EnrolParticipant', data: { participantId, enrolledOn: enrolment.enrolledOn, profile: enrolment.profile }, project, today }, participantDecider.initialState())
            .reduce((s, e, i) => participantDecider.evolve(s, e, nameBasedUuid(`import-dry-run/${participantId}/${i}`)), participantDecider.initialState())
        : (await loadStream({ store: deps.commands.store }, participantDecider, participantStream(participantId))).state;
      states.set(participantId, state);
      return state;
    };
    await importMilestones(deps, milestoneSheet.name, milestoneRows, { ...options, milestones: options.milestones }, project.projectId, today, fingerprintKey, imported, report, {
      get: stateOf,
      set: (participantId, state) => void states.set(participantId, state),
    }, rowDone);
  }
  keepOneErrorPerCell(problems);
  // The participant sheet's problems first, then the milestone sheet's, each by row.
  const sheetOrder = (p: ImportProblem) => (milestoneSheet && p.sheet === milestoneSheet.name ? 1 : 0);
  problems.sort((a, b) => sheetOrder(a) - sheetOrder(b) || (a.row ?? 0) - (b.row ?? 0));
  // A CSV has no sheets to name.
  if (table.format === 'csv') for (const problem of problems) delete problem.sheet;
  return report;
}

/**
 * One error per cell: a cell several rules refuse (`1.234,5` is neither a number nor within
 * bounds) gets the first rule's problem only, since fixing the cell answers them all. Errors for
 * a whole row or file (no column) and warnings are kept. Edits `problems` in place.
 */
function keepOneErrorPerCell(problems: ImportProblem[]): void {
  const seen = new Set<string>();
  const kept = problems.filter((p) => {
    if (p.severity !== 'error' || p.column === null || p.row === null) return true;
    const cell = JSON.stringify([p.sheet ?? '', p.row, p.column]);
    if (seen.has(cell)) return false;
    seen.add(cell);
    return true;
  });
  problems.splice(0, problems.length, ...kept);
}

/** DTO rules, then the decider's enrolment rules on a new participant of the project. */
async function checkRow(
  deps: ImportDependencies,
  row: ParsedRow,
  project: ProjectDetails,
  today: string,
  options: ImportOptions,
): Promise<{ enrolment: ValidEnrolment } | { problems: ImportProblem[] }> {
  const validated = await options.validateBody(row.body);
  if ('errors' in validated) {
    return {
      problems: validated.errors.map(({ field, constraint }) => ({
        row: row.row,
        column: headerOf(row, field),
        code: 'IMPORT.INVALID_VALUE',
        params: { field, constraint },
        severity: 'error' as const,
      })),
    };
  }
  const { enrolment } = validated;
  try {
    participantDecider.decide(
      { type: 'EnrolParticipant', data: { participantId: enrolment.participantId ?? 'import-check', enrolledOn: enrolment.enrolledOn, profile: enrolment.profile }, project, today },
      participantDecider.initialState(),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { code } = error;
    const field = DOMAIN_FIELDS[code];
    return { problems: [{ row: row.row, column: field ? headerOf(row, field) : null, code, ...(error.params ? { params: { ...error.params } } : {}), severity: 'error' }] };
  }
  return { enrolment };
}

/** The field a domain rule's refusal is about, to name its column. */
const DOMAIN_FIELDS: Record<string, string> = {
  'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD': 'enrolledOn',
  'ENROLMENT.DATE_IN_FUTURE': 'enrolledOn',
  'PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE': 'profile.birthDate',
  'PARTICIPANT.BORN_AFTER_ENROLMENT': 'profile.birthDate',
};

function headerOf(row: ParsedRow, field: string): string {
  const name = field.split('.').at(-1)!;
  return row.headers[name] ?? field;
}

/**
 * Null when the participant does not exist yet; else `unchanged` when its enrolment was written
 * by an import of this very row, `conflict` otherwise (IMPORT.ROW_CHANGED), also when the
 * identity number belongs to another participant of the project (IMPORT.ALREADY_ENROLLED).
 */
async function existingOutcome(
  deps: ImportDependencies,
  participantId: string,
  fingerprint: string,
  row: ParsedRow,
  wanted: ValidEnrolment,
  projectId: string,
): Promise<{ outcome: 'unchanged' | 'conflict'; problem?: ImportProblem } | null> {
  const events = await deps.commands.store.readStream(participantStream(participantId));
  const enrolment = events.find((e) => e.type === 'ParticipantEnrolled');
  if (enrolment) {
    if (idempotencyOf(enrolment)?.request === fingerprint) return { outcome: 'unchanged' };
    const columns = await changedColumns(deps, participantId, enrolment.data as ParticipantEnrolled['data'], wanted, row);
    return { outcome: 'conflict', problem: { row: row.row, column: null, code: 'IMPORT.ROW_CHANGED', params: { columns: columns.join(', ') }, severity: 'error' } };
  }
  const number = row.body.personal?.nationalIdentityNumber;
  if (!number) return null;
  for (const other of await deps.identities.find(number)) {
    if (other === participantId) continue;
    const theirs = (await deps.commands.store.readStream(participantStream(other))).find((e) => e.type === 'ParticipantEnrolled');
    if (theirs?.data.projectId === projectId) {
      return { outcome: 'conflict', problem: { row: row.row, column: row.headers.nationalIdentityNumber ?? null, code: 'IMPORT.ALREADY_ENROLLED', severity: 'error' } };
    }
  }
  return null;
}

/**
 * The headers (as the row's file writes them, else the field names) of the fields where a row
 * differs from the participant's enrolment as recorded: enrolment date and profile as logged,
 * personal data opened from the enrolment's sealed box. Names only: the values stay out of the
 * report. A box that cannot be opened (erased, key missing) compares as no personal data.
 */
async function changedColumns(deps: ImportDependencies, participantId: string, recorded: ParticipantEnrolled['data'], wanted: ValidEnrolment, row: ParsedRow): Promise<string[]> {
  const opened = recorded.personal ? openPersonalData(participantId, [recorded.personal as Sealed], await deps.keys.lookup(participantId)) : { status: 'none' as const };
  const personal: Record<string, unknown> = opened.status === 'recorded' ? { ...opened.data } : {};
  const was: Record<string, unknown> = { enrolledOn: recorded.enrolledOn, ...recorded.profile, ...personal };
  const now: Record<string, unknown> = { enrolledOn: wanted.enrolledOn, ...wanted.profile, ...(wanted.personal ?? {}) };
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields.filter((field) => canonicalJson(was[field] ?? null) !== canonicalJson(now[field] ?? null)).map((field) => row.headers[field] ?? field);
}

/** Rows between yields to the event loop. */
const YIELD_EVERY_ROWS = 100;

/**
 * Rows committed per key-store transaction: their keys are made in one commit (`createKeys`) and
 * their identity numbers filed in another (`fileAll`), instead of two durable commits per row.
 */
const COMMIT_CHUNK = 500;

/** Enrols one row through the API's command path, sealing personal data with the participant's key (made beforehand by `createKeys`) once decided. */
async function commitRow(
  deps: ImportDependencies,
  projectId: string,
  participantId: string,
  enrolment: ValidEnrolment,
  fingerprint: string,
  row: ParsedRow,
  caller: RequestContext,
  problems: ImportProblem[],
): Promise<RowOutcome> {
  const { personal } = enrolment;
  const sealPersonal = personal && (async (id: string) => sealPersonalData(personal, await deps.keys.dataKeyFor(id)));
  const request = { ...caller, idempotencyKey: `import/${projectId}/${participantId}`, requestFingerprint: fingerprint };
  try {
    const result = await enrolParticipant(
      deps.commands,
      { projectId, participantId, enrolledOn: enrolment.enrolledOn, profile: enrolment.profile, ...(sealPersonal ? { sealPersonal } : {}) },
      request,
    );
    return result.replayed ? 'unchanged' : 'enrolled';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Enrolled by someone else since the check (or this key wrote another row): never overwritten.
    problems.push({ row: row.row, column: null, code: 'IMPORT.ROW_CHANGED', severity: 'error' });
    return 'conflict';
  }
}

/** The domain refusals of a milestone that are about its date. */
const MILESTONE_DATE_CODES = /^(MILESTONE|INTERVENTION|FOLLOW_UP|PARTICIPANT)\./;

/**
 * The milestone sheet, after the participants: each row's participant must be one this import
 * enrolled (or would, in a dry run) or one enrolled in the project before (by participant id, or
 * identity number through the blind index), else IMPORT.MILESTONE_PARTICIPANT_UNKNOWN. The body
 * is validated by the API's DTO (`validate`), then, unless a dry run, recorded through the API's
 * command path (`record`) under the Idempotency-Key `import/<project>/milestone/<slot>`, where
 * the slot is an HMAC (blind-index key) of project, participant, type and date. The request
 * fingerprint is `<slot>.<HMAC of the DTO's milestone>`, so a later import by anyone finds the
 * row in the participant's stream: the same fields are `unchanged`, other fields a `conflict`
 * (IMPORT.MILESTONE_CHANGED: corrections stay retractions). A domain refusal (a date before
 * enrolment, say) is the row's problem with the domain's code. Dry runs check DTO rules and the
 * participant only; the decider's rules answer at commit.
 */
async function importMilestones(
  deps: ImportDependencies,
  sheetName: string,
  parsed: ParsedMilestoneSheet,
  options: ImportOptions & { milestones: NonNullable<ImportOptions['milestones']> },
  projectId: string,
  today: string,
  fingerprintKey: Buffer,
  imported: Map<string, string>,
  report: ImportReport,
  dryRun: { get: (participantId: string) => Promise<ParticipantState>; set: (participantId: string, state: ParticipantState) => void },
  rowDone: () => Promise<void>,
): Promise<void> {
  report.milestoneRowsRead = parsed.rowsRead;
  report.problems.push(...parsed.problems);
  const problem = (row: ParsedMilestoneRow, code: string, column: string | null = null, params?: Record<string, string | number>) =>
    report.problems.push({ sheet: sheetName, row: row.row, column, code, ...(params ? { params } : {}), severity: 'error' });
  // Each participant's idempotency requests, read once per import and kept up to date as its milestones are recorded here.
  const requests = new Map<string, (string | undefined)[]>();
  const requestsOf = async (participantId: string) => {
    const known = requests.get(participantId);
    if (known) return known;
    const read = (await deps.commands.store.readStream(participantStream(participantId))).map((e) => idempotencyOf(e)?.request);
    requests.set(participantId, read);
    return read;
  };
  for (const row of parsed.invalidRows) {
    report.milestoneRows.push({ row, outcome: 'invalid' });
    report.milestoneCounts.invalid++;
    await rowDone();
  }
  const enrolledHere = async (participantId: string) =>
    (await deps.commands.store.readStream(participantStream(participantId))).some((e) => e.type === 'ParticipantEnrolled' && e.data.projectId === projectId);

  for (const row of parsed.rows) {
    const outcome = await (async (): Promise<{ outcome: MilestoneOutcome; participantId?: string }> => {
      let participantId: string | undefined;
      if (row.identity.kind === 'participant-id') {
        participantId = imported.get(`id:${row.identity.value}`) ?? ((await enrolledHere(row.identity.value)) ? row.identity.value : undefined);
      } else {
        participantId = imported.get(`nin:${await deps.identities.digestOf(row.identity.value)}`);
        for (const other of participantId ? [] : await deps.identities.find(row.identity.value)) {
          if (await enrolledHere(other)) participantId = other;
        }
      }
      if (!participantId) {
        problem(row, 'IMPORT.MILESTONE_PARTICIPANT_UNKNOWN', row.headers[row.identity.kind === 'participant-id' ? 'participantId' : 'nationalIdentityNumber'] ?? null);
        return { outcome: 'invalid' };
      }
      const slot = createHmac('sha256', fingerprintKey).update(`import-milestone:${projectId}\n${participantId}\n${String(row.body.type)}\n${String(row.body.occurredOn)}`).digest('hex');
      const validated = await options.milestones.validate(row.body, () => nameBasedUuid(`import/${projectId}/milestone/${slot}`));
      if ('errors' in validated) {
        for (const { field, constraint } of validated.errors) problem(row, 'IMPORT.INVALID_VALUE', row.headers[field] ?? field, { field, constraint });
        return { outcome: 'invalid', participantId };
      }
      const fields = createHmac('sha256', fingerprintKey).update(`import-milestone-fields:${projectId}\n${canonicalJson(validated.milestone)}`).digest('hex');
      const fingerprint = `${slot}.${fields}`;
      const earlier = (await requestsOf(participantId)).filter((r) => r?.startsWith(`${slot}.`));
      if (earlier.includes(fingerprint)) return { outcome: 'unchanged', participantId };
      if (earlier.length > 0) {
        problem(row, 'IMPORT.MILESTONE_CHANGED');
        return { outcome: 'conflict', participantId };
      }
      try {
        if (options.dryRun) {
          // The decider's rules on the would-be state; a qualification's text is not sealed in a dry run (null stands for it).
          const milestone = { ...validated.milestone, ...('qualification' in validated.milestone ? { qualification: null } : {}) } as unknown as Milestone;
          const state = await dryRun.get(participantId);
          const events = participantDecider.decide({ type: 'RecordMilestone', data: { participantId, milestone }, today }, state);
          dryRun.set(participantId, events.reduce((s, e) => participantDecider.evolve(s, e, nameBasedUuid(`import-dry-run/${slot}`)), state));
          return { outcome: 'new', participantId };
        }
        const result = await options.milestones.record(participantId, validated.milestone, {
          ...options.request,
          idempotencyKey: `import/${projectId}/milestone/${slot}`,
          requestFingerprint: fingerprint,
        });
        (await requestsOf(participantId)).push(fingerprint);
        return { outcome: result.replayed ? 'unchanged' : 'recorded', participantId };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'IDEMPOTENCY.KEY_REUSED') {
          problem(row, 'IMPORT.MILESTONE_CHANGED');
          return { outcome: 'conflict', participantId };
        }
        problem(row, error.code, MILESTONE_DATE_CODES.test(error.code) ? (row.headers.occurredOn ?? null) : null, error.params ? { ...error.params } : undefined);
        return { outcome: 'invalid', participantId };
      }
    })();
    report.milestoneRows.push({ row: row.row, ...outcome });
    report.milestoneCounts[outcome.outcome]++;
    await rowDone();
  }
  report.milestoneRows.sort((a, b) => a.row - b.row);
}

import { Kysely, PostgresAdapter, RawBuilder, sql } from 'kysely';
import { EDUCATION_LEVELS, EXIT_REASONS, GENDERS, LABOUR_MARKET_STATUSES, SITUATIONS } from '@pathway/domain';
import {
  CATALOGUE,
  CatalogueEntry,
  INDICATORS,
  isRate,
  OutcomeCell,
  OutcomeField,
  ParticipantOutcome,
  POPULATION_READS,
  ReportPeriod,
} from '@pathway/indicators';
import { OutcomeColumns, ReadModelSchema } from '../schema/read-model-schema';

/** A condition on the row and the value a rule reads for every row meeting it. */
interface FieldClass {
  when: RawBuilder<unknown>;
  value: unknown;
}

/**
 * One outcome field as the participants and participant_versions tables hold it. `classes`: disjoint conditions that split
 * the rows into groups every rule reading the field answers alike for, each with such a value;
 * null when the field takes too many values to count class by class: it is then grouped by
 * `value.expr` and each group read back with `value.decode`.
 */
interface FieldSql {
  classes(period: ReportPeriod): FieldClass[] | null;
  /** Whether the classes depend on the period (dates); the others' classes are stored in `outcome_code`. */
  byPeriod?: true;
  value?: { expr: RawBuilder<unknown>; decode(raw: unknown): unknown };
}

type Column = keyof OutcomeColumns;

const choice = (column: Column, values: readonly string[], nullable: boolean): FieldSql => ({
  classes: () => [
    ...values.map((value) => ({ when: sql`${sql.ref(column)} = ${value}`, value })),
    ...(nullable ? [{ when: sql`${sql.ref(column)} IS NULL`, value: null }] : []),
  ],
});
/** A yes/no column (1/0, NULL for not known when `nullable`). */
const yesNo = (column: Column, nullable = true): FieldSql => ({
  classes: () => [
    { when: sql`${sql.ref(column)} = 1`, value: true },
    { when: sql`${sql.ref(column)} = 0`, value: false },
    ...(nullable ? [{ when: sql`${sql.ref(column)} IS NULL`, value: null }] : []),
  ],
});

/**
 * A date reduced to where it falls against the period: the rules compare dates with the period's
 * ends only (`cohortOf`, the median's "placed by the end"), so a date before, within or after the
 * period stands for every such date. The stand-ins compare as ISO dates do.
 */
const dated = (column: Column): FieldSql => ({
  byPeriod: true,
  classes: (period) => [
    ...(period.from === null ? [] : [{ when: sql`${sql.ref(column)} < ${period.from}`, value: '0000-01-01' }]),
    { when: sql`${sql.ref(column)} <= ${period.to}`, value: period.to },
    { when: sql`${sql.ref(column)} > ${period.to}`, value: '9999-12-31' },
    { when: sql`${sql.ref(column)} IS NULL`, value: null },
  ],
});

/** Ages the bands are probed over: the plausibility rule keeps ages at entry within 0-120. */
const MAX_AGE = 150;

const wholeNumber = (column: Column) => ({ expr: sql.ref(column), decode: (raw: unknown) => (raw === null ? null : Number(raw)) });

/**
 * A whole number split at the points where some indicator reading it changes its answer, found by
 * asking the catalogue's own rules (so the bands follow the catalogue, not a copy of its limits).
 * Null (grouped by value instead) when a rate reads the field: a rate is no per-participant rule.
 */
const banded = (column: Column, field: OutcomeField): FieldSql => ({
  value: wholeNumber(column),
  classes: () => {
    if (CATALOGUE.some((e) => isRate(e) && e.reads.includes(field))) return null;
    const rules = INDICATORS.filter((i) => i.reads.includes(field)).map((i) => i.counts);
    const answers = (n: number) => rules.map((rule) => rule({ [field]: n } as unknown as ParticipantOutcome)).join();
    const bands: Array<{ from: number; to: number }> = [];
    for (let n = 0; n <= MAX_AGE; n++) {
      const last = bands.at(-1);
      if (last && answers(n) === answers(last.from)) last.to = n;
      else bands.push({ from: n, to: n });
    }
    return [
      ...bands.map((b) => ({ when: sql`${sql.ref(column)} BETWEEN ${b.from} AND ${b.to}`, value: b.from })),
      { when: sql`${sql.ref(column)} IS NULL`, value: null },
    ];
  },
});
const exactNumber = (column: Column): FieldSql => ({ value: wholeNumber(column), classes: () => null });

/** Every field the catalogue or its populations read, and how the database counts it. */
const FIELDS: Partial<Record<OutcomeField, FieldSql>> = {
  status: choice('status', ['active', 'exited', 'withdrawn'], false),
  gender: choice('gender', GENDERS, true),
  firstEnrolledOn: dated('enrolled_on'),
  lastExitOn: dated('last_exit_on'),
  sixMonthPointOn: dated('six_month_point_on'),
  firstPlacementOn: dated('first_placement_on'),
  followUpSituation: choice('follow_up_situation', SITUATIONS, true),
  labourMarketStatus: choice('labour_market_status', LABOUR_MARKET_STATUSES, false),
  educationLevel: choice('education_level', EDUCATION_LEVELS, true),
  exitReason: choice('exit_reason', EXIT_REASONS, true),
  ageAtEntry: banded('age_at_entry', 'ageAtEntry'),
  disability: yesNo('disability'),
  thirdCountryNational: yesNo('third_country_national'),
  foreignBackground: yesNo('foreign_background'),
  minority: yesNo('minority'),
  homeless: yesNo('homeless'),
  ruralArea: yesNo('rural_area'),
  inEducationOrTraining: yesNo('in_education_or_training'),
  leavingJobSearching: yesNo('leaving_job_searching'),
  leavingInEducation: yesNo('leaving_in_education'),
  leavingEmployed: yesNo('leaving_employed'),
  leavingQualified: yesNo('leaving_qualified'),
  followUpImproved: yesNo('follow_up_improved'),
  schoolCompleted: yesNo('school_completed', false),
  daysToFirstPlacement: exactNumber('days_to_first_placement'),
};

const fieldSql = (field: OutcomeField): FieldSql => {
  const found = FIELDS[field];
  if (!found) throw new Error(`The catalogue reads ${field}, which the grouped report does not count`);
  return found;
};

/** Kept in every entry's cells: the fields that place participants in populations, and gender. */
const KEY: readonly OutcomeField[] = [...new Set<OutcomeField>(['gender', ...Object.values(POPULATION_READS).flat()])];

/** The fields an entry reads beyond the key, sorted: entries alike in these share their cells. */
const beyondKey = (entry: CatalogueEntry) => [...new Set(entry.reads)].filter((f) => !KEY.includes(f)).sort();
const facetOf = (entry: CatalogueEntry) => beyondKey(entry).join();

/** Every field some entry's cells keep. */
const COUNTED: readonly OutcomeField[] = [...new Set<OutcomeField>([...KEY, ...CATALOGUE.flatMap((e) => e.reads)])];

type Classed = { field: OutcomeField; classes: FieldClass[]; radix: number };
type Exact = { field: OutcomeField; expr: RawBuilder<unknown>; decode(raw: unknown): unknown };

/** Any period: the classes of a field that does not depend on it are the same for all. */
const ANY_PERIOD: ReportPeriod = { from: null, to: '9999-12-31' };

/** The period-independent fields counted by class, each with its place (`radix`) in the code, and how many codes there are. */
const { stored: STORED, span: STORED_SPAN } = COUNTED.reduce(
  (acc, field) => {
    const found = fieldSql(field);
    const classes = found.byPeriod ? null : found.classes(ANY_PERIOD);
    if (classes === null) return acc;
    return { stored: [...acc.stored, { field, classes, radix: acc.span }], span: acc.span * classes.length };
  },
  { stored: [] as Classed[], span: 1 },
);
/** The fields counted by value, not by class (the median's days). */
const EXACT: readonly Exact[] = COUNTED.flatMap((field) => {
  const { byPeriod, classes, value } = fieldSql(field);
  return !byPeriod && classes(ANY_PERIOD) === null ? [{ field, ...value! }] : [];
});

/** A field's class as a digit of the code; BIGINT: PostgreSQL multiplies integers in 32 bits. A value in no class makes it NULL. */
const digit = ({ classes, radix }: Classed) =>
  sql`CAST(${sql.lit(radix)} AS BIGINT) * CASE ${sql.join(classes.map((k, i) => sql`WHEN ${k.when} THEN ${sql.lit(i)}`), sql` `)} END`;

/** The row's code of the stored fields, computed from its columns: what `outcome_code` caches. */
const STORED_CODE = sql.join(STORED.map(digit), sql` + `);

/**
 * What the stored classes are: a code is only read back by the layout that wrote it. Kept beside
 * the codes (read_model_meta); when it changes, `ensureSchema` stores every code again.
 */
export const OUTCOME_CODE_LAYOUT = JSON.stringify(STORED.map(({ field, classes }) => [field, classes.map((k) => k.value)]));

/**
 * Stores `outcome_code` in `table` (`participants` or `participant_versions`, or a rebuild's
 * `next_` tables under those names): for the rows of `participantIds` that have none (the
 * projection calls it after writing them), or for every row (`'all'`: a rebuild, a changed
 * layout). The report then reads one integer instead of evaluating a CASE per field and row.
 */
export async function storeOutcomeCodes(db: Kysely<ReadModelSchema>, table: CountedTable, participantIds: readonly string[] | 'all'): Promise<void> {
  // One statement for either table: both hold the columns the code is computed from.
  const update = db.updateTable(table as 'participants').set({ outcome_code: STORED_CODE as RawBuilder<number | null> });
  await (participantIds === 'all' ? update : update.where('participant_id', 'in', participantIds).where('outcome_code', 'is', null)).execute();
}

export interface GroupedCells {
  /** The cells each catalogue entry is counted from (`countIndicatorReport`). */
  cellsFor(entry: CatalogueEntry): readonly OutcomeCell[];
  /** The last log position among the participants counted. */
  position: number;
}

/**
 * The participants `where` selects from `table` (their rows, or their outcome versions), counted
 * by the values the catalogue reads (its `reads`, `POPULATION_READS`, gender; dates by where they
 * fall against the period), from one statement: each row's classes as one integer (a digit per
 * field in a mixed radix: the stored `outcome_code` of the fields that do not depend on the
 * period, plus the dates' digits), beside the fields counted by value (the median's days), sent
 * as one JSON array per column (`codedColumns`). The codes are then summed into each entry's
 * cells, which keep only the fields the entry and its population read: a few thousand cells
 * instead of a row per participant.
 *
 * Why so: evaluating a CASE per field and row, reading each row's page for its columns, and the
 * driver building an object per row cost most of the report's time; the stored code, the index
 * covering what the statement reads and the arrays leave the database a dense scan and the
 * driver one value per column. Measured in docs/scaling.md.
 *
 * Null when some row holds a value outside the classes (a value the domain does not list): the
 * caller then counts from the rows, so the answer is never wrong, only slower.
 */
export async function groupedCells(
  db: Kysely<ReadModelSchema>,
  table: CountedTable,
  where: RawBuilder<unknown>,
  period: ReportPeriod,
  extra: readonly OutcomeCell[],
): Promise<GroupedCells | null> {
  const classed: Classed[] = [...STORED];
  let span = STORED_SPAN;
  for (const field of COUNTED) {
    const { byPeriod, classes } = fieldSql(field);
    if (!byPeriod) continue;
    const known = classes(period)!;
    classed.push({ field, classes: known, radix: span });
    span *= known.length;
  }
  const exact = EXACT;
  // Past 2^53 a code would not come back exact as a JavaScript number.
  if (!Number.isSafeInteger(span)) throw new Error(`The grouped report's code needs ${span} values, more than a number holds exactly`);

  const coded = (stored: RawBuilder<unknown>) =>
    codedColumns(db, table, where, [sql.join([stored, ...classed.slice(STORED.length).map(digit)], sql` + `), ...exact.map((e) => e.expr)]);
  // The stored codes, read from the index that covers them; computed here for all the rows when
  // some have none (rows not written by the projection, or a value outside the classes).
  const stored = await coded(sql.ref('outcome_code'));
  const { values, position } = stored.values[0]!.includes(null) ? await coded(STORED_CODE) : stored;
  const [codes, byValue] = [values[0]!, values.slice(1)];
  if (codes.includes(null)) return null;
  const facets = new Map<string, Facet>();
  for (const entry of CATALOGUE) {
    const name = facetOf(entry);
    if (!facets.has(name)) facets.set(name, facet(new Set([...KEY, ...beyondKey(entry)]), classed, exact));
  }
  const all = [...facets.values()];

  const digits = digitColumns(codes as number[], classed);
  // The KEY fields' part of every facet's key, summed once (`Facet.own`).
  const keyPlaces = KEY_CLASSED(classed);
  const keyed = new Uint32Array(codes.length);
  keyPlaces.forEach((place, j) => addPlace(keyed, digits[place]!, all[0]!.weights[j]!));
  const key = new Uint32Array(codes.length);
  for (const f of all) {
    key.set(keyed);
    for (let j = f.own; j < f.classed.length; j++) addPlace(key, digits[f.classed[j]!]!, f.weights[j]!);
    if (f.exact === null) for (let r = 0; r < key.length; r++) f.counts[key[r]!]++;
    else {
      const values = byValue[f.exact]!;
      for (let r = 0; r < key.length; r++) {
        const value = values[r] ?? null;
        const tally = f.byValue.get(key[r]!) ?? new Map<unknown, number>();
        f.byValue.set(key[r]!, tally.set(value, (tally.get(value) ?? 0) + 1));
      }
    }
  }

  const cellsOf = new Map([...facets].map(([name, f]) => [name, [...cellsIn(f, classed, exact), ...extra]]));
  return { cellsFor: (entry) => cellsOf.get(facetOf(entry))!, position };
}

/**
 * Each classed field's digit of every code, as one column per field (`columns[i][r]`: the r-th
 * code's class of `classed[i]`), by successive division, lowest place first (`classed` is in
 * the order of its places): a multiply and a subtract per digit, not a floating-point remainder.
 * Column by column, not row by row: each pass is one tight loop over typed arrays, which is what
 * made summing 100,000 codes into 18 facets fast (docs/scaling.md).
 */
function digitColumns(codes: readonly number[], classed: readonly Classed[]): Uint8Array[] {
  const rest = new Float64Array(codes);
  return classed.map(({ classes }) => {
    const size = classes.length;
    // A class is a byte: no field has more than 255 (the most, age bands, has at most MAX_AGE + 2).
    if (size > 255) throw new Error(`A field with ${size} classes does not fit the report's digits`);
    const column = new Uint8Array(rest.length);
    for (let r = 0; r < rest.length; r++) {
      const higher = Math.floor(rest[r]! / size);
      column[r] = rest[r]! - higher * size;
      rest[r] = higher;
    }
    return column;
  });
}

/** Adds one field's place in a facet's key (its digit times its weight) to every row's key. */
function addPlace(keys: Uint32Array, digits: Uint8Array, weight: number): void {
  for (let r = 0; r < keys.length; r++) keys[r] += digits[r]! * weight;
}

/**
 * The participants counted for the entries alike in the fields they read: `classed` indexes the
 * statement's classed fields they read and `weights` places each one's class in the facet's own
 * mixed-radix key, which indexes `counts`; an entry reading a field counted by value (`exact`,
 * at most one) is counted in `byValue` instead, by key and then by value. Typed arrays and
 * numbers, not a map of strings: every participant is counted once in every facet.
 * The KEY fields, which every facet reads, take the lowest places in the same order in every
 * facet, so their part of the key is summed once for all of them (`groupedCells`); the facet's own
 * fields start at `own`.
 */
interface Facet {
  classed: number[];
  weights: number[];
  own: number;
  counts: Uint32Array;
  exact: number | null;
  byValue: Map<number, Map<unknown, number>>;
}

/** The KEY fields' places among the statement's classed fields (every facet's lowest). */
const KEY_CLASSED = (classed: readonly Classed[]) => classed.flatMap((c, i) => (KEY.includes(c.field) ? [i] : []));

function facet(fields: ReadonlySet<OutcomeField>, classed: readonly Classed[], exact: readonly Exact[]): Facet {
  const [keyed, own] = [KEY_CLASSED(classed), classed.flatMap((c, i) => (fields.has(c.field) && !KEY.includes(c.field) ? [i] : []))];
  if (keyed.some((i) => !fields.has(classed[i]!.field))) throw new Error('A facet must read every KEY field');
  const read = [...keyed, ...own];
  const weights: number[] = [];
  let span = 1;
  for (const i of read) {
    weights.push(span);
    span *= classed[i]!.classes.length;
  }
  // Keys are summed in 32-bit columns (`addPlace`).
  if (span > 0xffffffff) throw new Error(`A facet's key needs ${span} values, more than 32 bits hold`);
  const byValue = exact.flatMap((e, i) => (fields.has(e.field) ? [i] : []));
  if (byValue.length > 1) throw new Error(`An entry reads ${byValue.length} fields counted by value; the grouped report counts one`);
  return { classed: read, weights, own: keyed.length, counts: new Uint32Array(byValue.length ? 0 : span), exact: byValue[0] ?? null, byValue: new Map() };
}

/** A facet's counts as cells: each key's classes (and value) read back into the values the rules read. */
function cellsIn(f: Facet, classed: readonly Classed[], exact: readonly Exact[]): OutcomeCell[] {
  const fields = f.classed.map((i) => classed[i]!.field);
  const values = f.classed.map((i) => classed[i]!.classes.map((k) => k.value));
  // Built field by field in one order (every cell's object alike in shape): thousands per report.
  const outcome = (key: number) => {
    const read: Record<string, unknown> = {};
    for (let j = 0; j < fields.length; j++) read[fields[j]!] = values[j]![Math.floor(key / f.weights[j]!) % values[j]!.length];
    return read as unknown as ParticipantOutcome;
  };
  const cells: OutcomeCell[] = [];
  if (f.exact === null) {
    for (let key = 0; key < f.counts.length; key++) if (f.counts[key]! > 0) cells.push({ outcome: outcome(key), participants: f.counts[key]! });
    return cells;
  }
  const { field, decode } = exact[f.exact]!;
  for (const [key, byValue] of f.byValue) {
    for (const [value, participants] of byValue) cells.push({ outcome: { ...outcome(key), [field]: decode(value) }, participants });
  }
  return cells;
}

/**
 * The tables holding outcome columns (`OutcomeColumns`), and the column of each that gives a row's
 * last log position (a version's start: the last of its boundaries).
 */
const LAST_POSITION = { participants: 'last_position', participant_versions: 'from_position' } as const;
export type CountedTable = keyof typeof LAST_POSITION;

/** What `codedColumns` answers: the statement's values by column, not by row. */
interface CodedColumns {
  /** `values[i][r]`: the i-th value of the r-th row. */
  values: unknown[][];
  /** The last log position among the rows (0 when there are none). */
  position: number;
}

/**
 * The rows of `table` that `where` selects, as their `selected` values, in one statement whose
 * answer is one row: each column aggregated into a JSON array, which the driver hands over as one
 * value instead of an object per row (most of the statement's time when it was rows).
 *
 * Not grouped in the database: nearly every participant's classes differ (72,234 codes among
 * 100,000 participants in the bench), so grouping saved little and cost much; the same 100,000
 * rows took SQLite 105 ms to group (it sorts) and PostgreSQL 311 ms as grouped rows, against
 * 60 ms and 117 ms as ungrouped arrays (docs/scaling.md). Either engine reads the index covering
 * these columns (create-tables.ts) when the code is the stored one.
 */
async function codedColumns(db: Kysely<ReadModelSchema>, table: CountedTable, where: RawBuilder<unknown>, selected: RawBuilder<unknown>[]): Promise<CodedColumns> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const array = (column: RawBuilder<unknown>) => (postgres ? sql`json_agg(${column})` : sql`json_group_array(${column})`);
  const columns = sql.join(selected.map((c, i) => sql`${array(c)} AS ${sql.ref(`c${i}`)}`));
  const last = sql.ref(LAST_POSITION[table]);
  // The arrays line up row by row: every aggregate of one plain SELECT is fed the same rows in the same order.
  const query = sql<Record<string, unknown>>`SELECT ${columns}, MAX(${last}) AS last FROM ${sql.table(table)} WHERE ${where}`;
  const [answer] = (await query.execute(db)).rows;
  // SQLite answers JSON as text; the PostgreSQL driver parses json itself, and aggregates no rows into NULL.
  const parsed = (json: unknown): unknown[] => (typeof json === 'string' ? (JSON.parse(json) as unknown[]) : ((json as unknown[] | null) ?? []));
  return { values: selected.map((_, i) => parsed(answer![`c${i}`])), position: Number(answer!.last ?? 0) };
}

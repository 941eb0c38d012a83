import { Kysely, RawBuilder, sql } from 'kysely';
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
import { ReadModelSchema } from '../schema/read-model-schema';

/**
 * One outcome field as the participants table holds it. `grouped`: an expression to group by and
 * the value a rule reads for each of its results. `classes`: conditions that split the rows into
 * groups every rule reading the field answers alike for, each with such a value; null when the
 * field takes too many values to count class by class (it is grouped by, in a statement of its own).
 */
interface FieldSql {
  grouped(period: ReportPeriod): { expr: RawBuilder<unknown>; decode(raw: unknown): unknown };
  classes(period: ReportPeriod): Array<{ when: RawBuilder<unknown>; value: unknown }> | null;
}

type Column = keyof ReadModelSchema['participants'];

const same = (raw: unknown) => raw;
const choice = (column: Column, values: readonly string[], nullable: boolean): FieldSql => ({
  grouped: () => ({ expr: sql.ref(column), decode: same }),
  classes: () => [
    ...values.map((value) => ({ when: sql`${sql.ref(column)} = ${value}`, value })),
    ...(nullable ? [{ when: sql`${sql.ref(column)} IS NULL`, value: null }] : []),
  ],
});
/** A yes/no column (1/0, NULL for not known when `nullable`). */
const yesNo = (column: Column, nullable = true): FieldSql => ({
  grouped: () => ({ expr: sql.ref(column), decode: (raw) => (raw === null ? null : Number(raw) === 1) }),
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
const dated = (column: Column): FieldSql => {
  const places = (period: ReportPeriod) => [
    ...(period.from === null ? [] : [{ when: sql`${sql.ref(column)} < ${period.from}`, value: '0000-01-01' }]),
    { when: sql`${sql.ref(column)} <= ${period.to}`, value: period.to },
    { when: sql`${sql.ref(column)} > ${period.to}`, value: '9999-12-31' },
  ];
  return {
    grouped: (period) => {
      const known = places(period);
      const cases = known.map((p, i) => sql`WHEN ${p.when} THEN ${sql.lit(i)}`);
      return {
        expr: sql`CASE ${sql.join(cases, sql` `)} ELSE NULL END`,
        decode: (raw) => (raw === null ? null : known[Number(raw)]!.value),
      };
    },
    classes: (period) => [...places(period), { when: sql`${sql.ref(column)} IS NULL`, value: null }],
  };
};

/** Ages the bands are probed over: the plausibility rule keeps ages at entry within 0-120. */
const MAX_AGE = 150;

/**
 * A whole number split at the points where some indicator reading it changes its answer, found by
 * asking the catalogue's own rules (so the bands follow the catalogue, not a copy of its limits).
 * Null (grouped by value instead) when a rate reads the field: a rate is no per-participant rule.
 */
const banded = (column: Column, field: OutcomeField): FieldSql => ({
  grouped: () => ({ expr: sql.ref(column), decode: (raw) => (raw === null ? null : Number(raw)) }),
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
const exactNumber = (column: Column): FieldSql => ({
  grouped: () => ({ expr: sql.ref(column), decode: (raw) => (raw === null ? null : Number(raw)) }),
  classes: () => null,
});

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

/** Grouped by in the one statement that counts most entries: the fields that place participants in populations. */
const KEY: readonly OutcomeField[] = [...new Set<OutcomeField>(['gender', ...Object.values(POPULATION_READS).flat()])];

/** The fields an entry reads beyond the key, sorted: entries alike in these share their cells. */
const beyondKey = (entry: CatalogueEntry) => [...new Set(entry.reads)].filter((f) => !KEY.includes(f)).sort();
const facetOf = (entry: CatalogueEntry) => beyondKey(entry).join();

export interface GroupedCells {
  /** The cells each catalogue entry is counted from (`countIndicatorReport`). */
  cellsFor(entry: CatalogueEntry): readonly OutcomeCell[];
  /** The last log position among the participants counted. */
  position: number;
}

/**
 * The participants `where` selects, counted in the database by the values the catalogue reads
 * (its `reads`, `POPULATION_READS`, gender; dates by where they fall against the period): one
 * statement grouped by the population fields that counts every finite class of the other fields
 * (`COUNT(*) FILTER`), and one grouped statement per entry reading a field of many values (the
 * median's days). A few thousand cells instead of a row per participant.
 *
 * Null when some row holds a value outside the classes (a value the domain does not list): the
 * caller then counts from the rows, so the answer is never wrong, only slower.
 */
export async function groupedCells(
  db: Kysely<ReadModelSchema>,
  where: RawBuilder<unknown>,
  period: ReportPeriod,
  extra: readonly OutcomeCell[],
): Promise<GroupedCells | null> {
  const key = KEY.map((f) => ({ field: f, ...fieldSql(f).grouped(period) }));
  const facets = new Map<string, OutcomeField[]>();
  const exact: CatalogueEntry[] = [];
  for (const entry of CATALOGUE) {
    const fields = beyondKey(entry);
    if (fields.some((f) => fieldSql(f).classes(period) === null)) exact.push(entry);
    else facets.set(facetOf(entry), fields);
  }

  const counted = [...facets.entries()].map(([name, fields]) => ({ name, fields, combos: combinations(fields, period) }));
  const filters = counted.flatMap((facet) => facet.combos.map((combo) => sql`COUNT(*) FILTER (WHERE ${combo.when})`));
  const columns = [...key.map((k) => k.expr), sql`COUNT(*)`, sql`MAX(last_position)`, ...filters];
  const byKey = sql`${sql.join(columns.map((c, i) => sql`${c} AS ${sql.ref(`c${i}`)}`))}`;
  const rows = await sql<Record<string, unknown>>`SELECT ${byKey} FROM participants WHERE ${where} GROUP BY ${sql.join(key.map((_, i) => sql.lit(i + 1)))}`.execute(db);

  const cellsOf = new Map<string, OutcomeCell[]>(counted.map((f) => [f.name, []]));
  let position = 0;
  for (const row of rows.rows) {
    const values = columns.map((_, i) => row[`c${i}`]);
    const base = Object.fromEntries(key.map((k, i) => [k.field, k.decode(values[i] ?? null)]));
    const n = Number(values[key.length]);
    position = Math.max(position, Number(values[key.length + 1] ?? 0));
    let column = key.length + 2;
    for (const facet of counted) {
      const cells = cellsOf.get(facet.name)!;
      let seen = 0;
      for (const combo of facet.combos) {
        const participants = Number(values[column++]);
        seen += participants;
        if (participants > 0) cells.push({ outcome: { ...base, ...combo.values } as unknown as ParticipantOutcome, participants });
      }
      if (seen !== n) return null;
    }
  }

  for (const entry of exact) cellsOf.set(`exact:${entry.code}`, await groupedBy(db, where, entry, period));
  for (const cells of cellsOf.values()) cells.push(...extra);
  return {
    cellsFor: (entry) => cellsOf.get(exact.includes(entry) ? `exact:${entry.code}` : facetOf(entry))!,
    position,
  };
}

/** Every combination of the fields' classes: a condition and the values it stands for. */
function combinations(fields: OutcomeField[], period: ReportPeriod) {
  let combos: Array<{ when: RawBuilder<unknown>; values: Record<string, unknown> }> = [{ when: sql`TRUE`, values: {} }];
  for (const field of fields) {
    const classes = fieldSql(field).classes(period)!;
    combos = combos.flatMap((c) => classes.map((k) => ({ when: sql`${c.when} AND ${k.when}`, values: { ...c.values, [field]: k.value } })));
  }
  return combos;
}

/** One entry's cells from a statement grouped by every field it and its population read. */
async function groupedBy(db: Kysely<ReadModelSchema>, where: RawBuilder<unknown>, entry: CatalogueEntry, period: ReportPeriod): Promise<OutcomeCell[]> {
  const fields = [...new Set<OutcomeField>(['gender', ...POPULATION_READS[entry.population], ...entry.reads])];
  const grouped = fields.map((f) => ({ field: f, ...fieldSql(f).grouped(period) }));
  const columns = [...grouped.map((g) => g.expr), sql`COUNT(*)`];
  const select = sql.join(columns.map((c, i) => sql`${c} AS ${sql.ref(`c${i}`)}`));
  const rows = await sql<Record<string, unknown>>`SELECT ${select} FROM participants WHERE ${where} GROUP BY ${sql.join(grouped.map((_, i) => sql.lit(i + 1)))}`.execute(db);
  return rows.rows.map((row) => {
    const values = columns.map((_, i) => row[`c${i}`]);
    const outcome = Object.fromEntries(grouped.map((g, i) => [g.field, g.decode(values[i] ?? null)]));
    return { outcome: outcome as unknown as ParticipantOutcome, participants: Number(values[grouped.length]) };
  });
}

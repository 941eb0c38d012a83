import loadHighs from 'highs';
import { ExportRow, SUPPRESSED } from '../export-row';

/**
 * An attacker's audit of a published funder export, written apart from the suppression code: every
 * count in the export is a variable, fixed where published; the relations a reader knows from the
 * catalogue's definitions bind them; linear programming (HiGHS) then gives each hidden cell's
 * feasible interval [min, max]. A cell with min = max is disclosed.
 *
 * The reader's knowledge, beyond the published numbers:
 * - every count is at least 0; a hidden cell is at least 1 when the export's rule shows zeros for it
 *   (none of its lines has a hidden total or is hidden whole, and it is not a numerator under a
 *   hidden denominator);
 * - gender cells add up to the total (indicators, rate numerators and denominators that count people);
 * - EECO02 + EECO04 + EECO05 = EECO01 and EECO03 <= EECO02, in every column;
 * - EECO09 + EECO10 + EECO11 + (education not disclosed) = EECO01 per gender, the not-disclosed
 *   ones adding up to the data-missing cell, which EECO09, EECO10 and EECO11 share;
 * - age bands and yes/no answers are parts of EECO01: EECO06 + EECO07 + EECO08 <= EECO01 (30-54 and
 *   missing ages unpublished), each answer's yes <= EECO01, yes + data missing <= EECO01 in total;
 *   EECO06-08 share their data missing, and so do EECO01-05;
 * - participants against plan count EECO01; the placement rate's numerator is EECR04; the school
 *   completion rate's denominator is EECO09; completion, drop-out, placement and education-or-work
 *   rates share the leavers as denominator; each result (and data missing) is within the leavers;
 *   EECR02 and EECR04 <= education-or-work <= EECR02 + EECR04; completed + dropped out <= leavers;
 *   a share's numerator <= its denominator; those placed (median's denominator) <= EECO01.
 */
export interface Interval { cell: string; truth: number; min: number; max: number }

const GENDERS = ['women', 'men', 'non-binary', 'not-disclosed'] as const;
const COLUMNS = [...GENDERS, 'total'] as const;
const RESULTS = ['EECR01', 'EECR02', 'EECR03', 'EECR04'];
const FLAGS = ['EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17'];
const SHARES = ['COMPLETION_RATE', 'DROP_OUT_RATE', 'PLACEMENT_RATE', 'EDUCATION_OR_WORK_RATE', 'SCHOOL_COMPLETION_RATE'];

type Term = [number, string];
interface Relation { terms: Term[]; op: '=' | '<=' }

let highs: Awaited<ReturnType<typeof loadHighs>> | undefined;

/**
 * @param rows the export as published
 * @param truth every count's true value by cell name (`EECO01|women`, `COMPLETION_RATE|total|d`)
 */
export async function auditIntervals(rows: readonly ExportRow[], truth: ReadonlyMap<string, number>): Promise<Interval[]> {
  highs ??= await loadHighs();
  const published = new Map<string, number | null>();
  for (const row of rows) {
    if (row.kind !== 'rate') { published.set(`${row.code}|${row.breakdown}`, row.value === SUPPRESSED ? null : row.value); continue; }
    if (row.code !== 'MEDIAN_DAYS_TO_PLACEMENT') published.set(`${row.code}|${row.breakdown}|n`, row.numerator === SUPPRESSED ? null : row.numerator);
    if (row.code !== 'TARGET_ACHIEVEMENT') published.set(`${row.code}|${row.breakdown}|d`, row.denominator === SUPPRESSED ? null : row.denominator);
  }
  const cell = (code: string, column: string, part?: 'n' | 'd') => `${code}|${column}${part ? `|${part}` : ''}`;
  const relations: Relation[] = [];
  const sum = (total: string, parts: string[], op: '=' | '<=' = '=') =>
    relations.push({ terms: [...parts.map((p): Term => [1, p]), [-1, total]], op });
  const equal = (a: string, b: string) => sum(a, [b]);
  const unpublished: string[] = [];

  const codes = [...new Set(rows.map((r) => r.code))];
  for (const code of codes) {
    const isRate = rows.find((r) => r.code === code)!.kind === 'rate';
    for (const part of isRate ? (['n', 'd'] as const) : [undefined]) {
      if (published.has(cell(code, 'total', part))) sum(cell(code, 'total', part), GENDERS.map((g) => cell(code, g, part)));
    }
  }
  for (const c of COLUMNS) {
    sum(cell('EECO01', c), ['EECO02', 'EECO04', 'EECO05'].map((code) => cell(code, c)));
    sum(cell('EECO02', c), [cell('EECO03', c)], '<=');
    sum(cell('EECO01', c), ['EECO06', 'EECO07', 'EECO08'].map((code) => cell(code, c)), '<=');
    for (const flag of FLAGS) sum(cell('EECO01', c), [cell(flag, c)], '<=');
    equal(cell('TARGET_ACHIEVEMENT', c, 'n'), cell('EECO01', c));
    equal(cell('PLACEMENT_RATE', c, 'n'), cell('EECR04', c));
    equal(cell('SCHOOL_COMPLETION_RATE', c, 'd'), cell('EECO09', c));
    for (const rate of SHARES.slice(1, 4)) equal(cell(rate, c, 'd'), cell('COMPLETION_RATE', c, 'd'));
    const leavers = cell('COMPLETION_RATE', c, 'd');
    for (const result of RESULTS) sum(leavers, [cell(result, c)], '<=');
    sum(cell('EDUCATION_OR_WORK_RATE', c, 'n'), [cell('EECR02', c)], '<=');
    sum(cell('EDUCATION_OR_WORK_RATE', c, 'n'), [cell('EECR04', c)], '<=');
    sum(cell('EECR02', c), [cell('EDUCATION_OR_WORK_RATE', c, 'n')], '<=');
    relations[relations.length - 1]!.terms.push([-1, cell('EECR04', c)]);
    sum(leavers, [cell('COMPLETION_RATE', c, 'n'), cell('DROP_OUT_RATE', c, 'n')], '<=');
    for (const rate of SHARES) sum(cell(rate, c, 'd'), [cell(rate, c, 'n')], '<=');
    sum(cell('EECO01', c), [cell('MEDIAN_DAYS_TO_PLACEMENT', c, 'd')], '<=');
  }
  const educationMissing = GENDERS.map((g) => `education-missing|${g}`);
  unpublished.push(...educationMissing);
  GENDERS.forEach((g, i) => sum(cell('EECO01', g), [...['EECO09', 'EECO10', 'EECO11'].map((code) => cell(code, g)), educationMissing[i]!]));
  sum(cell('EECO09', 'data-missing'), educationMissing);
  sum(cell('EECO01', 'total'), [...['EECO09', 'EECO10', 'EECO11'].map((code) => cell(code, 'total')), cell('EECO09', 'data-missing')]);
  for (const group of [['EECO09', 'EECO10', 'EECO11'], ['EECO06', 'EECO07', 'EECO08'], ['EECO01', 'EECO02', 'EECO03', 'EECO04', 'EECO05']]) {
    for (const code of group.slice(1)) equal(cell(code, 'data-missing'), cell(group[0]!, 'data-missing'));
  }
  sum(cell('EECO01', 'total'), [...['EECO06', 'EECO07', 'EECO08'].map((code) => cell(code, 'total')), cell('EECO06', 'data-missing')], '<=');
  for (const flag of FLAGS) sum(cell('EECO01', 'total'), [cell(flag, 'total'), cell(flag, 'data-missing')], '<=');
  for (const result of RESULTS) sum(cell('COMPLETION_RATE', 'total', 'd'), [cell(result, 'total'), cell(result, 'data-missing')], '<=');

  // The audit's own premises must hold for the true figures, or its intervals mean nothing.
  const trueValue = (name: string) => truth.get(name) ?? (name.startsWith('education-missing|')
    ? truth.get(`EECO01|${name.slice(18)}`)! - ['EECO09', 'EECO10', 'EECO11'].reduce((s, code) => s + truth.get(`${code}|${name.slice(18)}`)!, 0) : NaN);
  relations.forEach(({ terms, op }) => {
    const value = terms.reduce((s, [k, n]) => s + k * trueValue(n), 0);
    if (op === '=' ? value !== 0 : !(value <= 0)) throw new Error(`A relation does not hold: ${terms.map(([k, n]) => `${k} ${n}`).join(' ')} ${op} 0`);
  });

  const names = new Map([...published.keys(), ...unpublished].map((name, i) => [name, `x${i}`]));
  const hidden = [...published].filter(([, v]) => v === null).map(([name]) => name);
  const lines = relations.map((r) => r.terms.filter(([, name]) => names.has(name)));
  const least = (name: string): number => {
    if (name.endsWith('|n') && published.get(`${name.slice(0, -2)}|d`) === null) return 0;
    const inLineWithHiddenTotal = relations.some((r) => r.op === '=' && r.terms.some(([k, n]) => n === name && k === 1)
      && r.terms.some(([k, n]) => k === -1 && published.get(n) === null));
    // A line with nothing left to hide beside a hidden cell is hidden whole, zeros too.
    const inLineHiddenWhole = relations.some((r) => r.op === '=' && r.terms.some(([, n]) => n === name)
      && r.terms.every(([, n]) => !published.has(n) || published.get(n) === null));
    return inLineWithHiddenTotal || inLineHiddenWhole ? 0 : 1;
  };
  for (const name of hidden) {
    if (least(name) > trueValue(name)) throw new Error(`The rule claims hidden ${name} >= 1, but it is ${trueValue(name)}`);
  }
  const bounds = [
    ...[...published].map(([name, v]) => (v === null ? `${names.get(name)} >= ${least(name)}` : `${names.get(name)} = ${v}`)),
    ...unpublished.map((name) => `${names.get(name)} >= 0`),
  ];
  const constraints = lines.map((terms, i) =>
    ` r${i}: ${terms.map(([k, n]) => `${k < 0 ? '-' : '+'} ${names.get(n)}`).join(' ')} ${relations[i]!.op} 0`);
  const lpText = (objective: string) =>
    `Minimize\n obj: 0 ${objective}\nSubject To\n${constraints.join('\n')}\nBounds\n ${bounds.join('\n ')}\nEnd\n`;

  // One model, parsed once from LP text; each question only moves the objective to another cell.
  const model = highs.createModel({ format: 'lp', data: lpText(hidden.length > 0 ? names.get(hidden[0]!)! : 'x0') });
  try {
    model.options.set({ output_flag: false });
    const { modelStatus, objectiveSense } = highs.constants;
    let costed: number | undefined;
    const solve = (name: string, sense: 'minimize' | 'maximize') => {
      model.changeObjectiveSense(objectiveSense[sense]);
      model.run();
      const status = model.getModelStatus();
      if (status === modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
      if (status !== modelStatus.optimal) throw new Error(`${sense} ${name}: status ${status}`);
      return model.getObjectiveValue();
    };
    return hidden.map((name) => {
      const column = model.getColByName(names.get(name)!);
      if (costed !== undefined) model.changeColCost(costed, 0);
      model.changeColCost(column, 1);
      costed = column;
      return { cell: name, truth: trueValue(name), min: solve(name, 'minimize'), max: solve(name, 'maximize') };
    });
  } finally {
    model.dispose();
  }
}

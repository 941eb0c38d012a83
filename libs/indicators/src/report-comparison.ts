import { ByGender, GENDER_GROUPS, GenderGroup, ReportPeriod } from './cohort';
import { computeIndicatorReport, IndicatorReport } from './indicator-report';
import { ParticipantOutcome } from './participant-outcome';

/**
 * One figure of an indicator report: an indicator's count for a gender group (or all) or its
 * data missing, or a rate's numerator or denominator for a gender group (or all). A rate's value
 * is not a figure of its own: it follows from its numerator and denominator.
 */
export interface FigureKey {
  code: string;
  name: string;
  kind: 'indicator' | 'rate';
  /** `total`: the whole cohort; else one gender group. */
  group: 'total' | GenderGroup;
  /** `count` and `dataMissing` for indicators (data missing has only `total`), `numerator` and `denominator` for rates. */
  measure: 'count' | 'dataMissing' | 'numerator' | 'denominator';
}

export interface FigureValue extends FigureKey {
  value: number;
}

/** A figure that differs between report A and report B, and the participants whose standing in it changed. */
export interface FigureChange extends FigureKey {
  a: number;
  b: number;
  /**
   * Exactly the participants whose contribution to this figure differs between A and B, sorted.
   * Recomputing B with these participants as they stood in A (their events recorded between the
   * two cut-offs left out) gives `a`; no other participant's events between the cut-offs touch it.
   */
  participantIds: string[];
  /**
   * `planned-participants` when the figure is the plan itself (TARGET_ACHIEVEMENT's denominator)
   * and the plan differs between A and B: a change of the project, not of any participant. Else null.
   */
  projectChange: 'planned-participants' | null;
}

/** What one side of a comparison counts: participant outcomes (as known on its cut-off) and the plan. */
export interface ComparisonSide {
  outcomes: ParticipantOutcome[];
  plannedParticipants: number;
}

export interface IndicatorReportComparison {
  a: IndicatorReport;
  b: IndicatorReport;
  /** Every figure whose value differs, in report order (indicators, then rates; total, then gender groups). */
  changes: FigureChange[];
  /** Participants whose outcome differs between A and B (enrolled since A, or with events since A that changed it), sorted. */
  changedParticipantIds: string[];
}

/**
 * Rates whose numerator is not a sum over participants but a statistic of the values they
 * contribute (the median of days to placement): a participant's contribution to that numerator
 * is the value itself or none, compared as the pair (value, whether counted).
 */
const STATISTIC_NUMERATORS: ReadonlySet<string> = new Set(['MEDIAN_DAYS_TO_PLACEMENT']);
/** The rate whose denominator is the project's plan, not participants. */
const PLAN_DENOMINATOR = 'TARGET_ACHIEVEMENT';

/** The report as a flat list of figures, in report order: what a comparison matches figure by figure. */
export function figuresOf(report: IndicatorReport): FigureValue[] {
  const figures: FigureValue[] = [];
  for (const f of report.indicators) {
    const base = { code: f.code, name: f.name, kind: 'indicator' as const };
    figures.push({ ...base, group: 'total', measure: 'count', value: f.total });
    for (const group of GENDER_GROUPS) figures.push({ ...base, group, measure: 'count', value: f[group] });
    figures.push({ ...base, group: 'total', measure: 'dataMissing', value: f.dataMissing });
  }
  for (const r of report.rates) {
    const base = { code: r.code, name: r.name, kind: 'rate' as const };
    const measures: ByGender<{ numerator: number; denominator: number }> = r.byGenderMeasures;
    figures.push({ ...base, group: 'total', measure: 'numerator', value: r.numerator });
    figures.push({ ...base, group: 'total', measure: 'denominator', value: r.denominator });
    for (const group of GENDER_GROUPS) {
      figures.push({ ...base, group, measure: 'numerator', value: measures[group].numerator });
      figures.push({ ...base, group, measure: 'denominator', value: measures[group].denominator });
    }
  }
  return figures;
}

/** A stable key of a figure within a report: `EECO01/women/count`. */
export const figureId = (f: Pick<FigureKey, 'code' | 'group' | 'measure'>): string => `${f.code}/${f.group}/${f.measure}`;

/**
 * Compares the indicator report of one project and period as counted from two sets of outcomes
 * (typically as known on two instants, A before B) and explains each figure that differs by the
 * participants whose contribution to it changed.
 *
 * Every figure is a function of the multiset of what each participant contributes to it alone
 * (the figure computed over that participant by themselves: a count of 0 or 1, or for a median
 * the participant's value if counted), so a figure differs only if some contributions differ,
 * and putting back exactly those participants' A contributions gives the A figure. A participant
 * in only one side contributes nothing on the other. The plan is not a participant's: a different
 * plan shows as `projectChange` on TARGET_ACHIEVEMENT's denominator.
 *
 * Cost: two reports, plus two one-participant reports per participant whose outcome changed.
 */
export function compareIndicatorReports(a: ComparisonSide, b: ComparisonSide, period: ReportPeriod): IndicatorReportComparison {
  const reportA = computeIndicatorReport(a.outcomes, period, a.plannedParticipants);
  const reportB = computeIndicatorReport(b.outcomes, period, b.plannedParticipants);
  const inA = new Map(a.outcomes.map((o) => [o.participantId, o]));
  const inB = new Map(b.outcomes.map((o) => [o.participantId, o]));
  const ids = [...new Set([...inA.keys(), ...inB.keys()])].sort();
  const changedParticipantIds = ids.filter((id) => !sameOutcome(inA.get(id), inB.get(id)));

  const figuresB = figuresOf(reportB);
  const figuresA = new Map(figuresOf(reportA).map((f) => [figureId(f), f.value]));
  const differing = figuresB.filter((f) => figuresA.get(figureId(f)) !== f.value);
  const explainedBy = new Map<string, string[]>(differing.map((f) => [figureId(f), []]));

  for (const id of changedParticipantIds) {
    const before = contributions(inA.get(id), period);
    const after = contributions(inB.get(id), period);
    for (const key of explainedBy.keys()) {
      if (before.get(key) !== after.get(key)) explainedBy.get(key)!.push(id);
    }
  }

  const planChanged = a.plannedParticipants !== b.plannedParticipants;
  const changes = differing.map(({ value, ...key }): FigureChange => ({
    ...key,
    a: figuresA.get(figureId(key))!,
    b: value,
    participantIds: explainedBy.get(figureId(key))!,
    projectChange: planChanged && key.code === PLAN_DENOMINATOR && key.measure === 'denominator' ? 'planned-participants' : null,
  }));
  return { a: reportA, b: reportB, changes, changedParticipantIds };
}

/** What one participant (or no one) contributes to each figure, as comparable strings by `figureId`. */
function contributions(outcome: ParticipantOutcome | undefined, period: ReportPeriod): Map<string, string> {
  const figures = figuresOf(computeIndicatorReport(outcome ? [outcome] : [], period, 0));
  const denominators = new Map(figures.filter((f) => f.measure === 'denominator').map((f) => [`${f.code}/${f.group}`, f.value]));
  return new Map(
    figures.map((f) => {
      const counted = STATISTIC_NUMERATORS.has(f.code) && f.measure === 'numerator' ? `/${denominators.get(`${f.code}/${f.group}`)}` : '';
      return [figureId(f), `${f.value}${counted}`];
    }),
  );
}

function sameOutcome(a: ParticipantOutcome | undefined, b: ParticipantOutcome | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ParticipantOutcome>;
  return [...keys].every((k) => a[k] === b[k]);
}

/** Why a figure has no list of participants behind it. */
export type NotCountedFromParticipants = 'statistic' | 'plan';

/**
 * The participants counted in one figure of the report over `outcomes` (the drill-down, issue
 * 11 evaluator 3), by the very per-participant contributions a comparison explains changes with
 * (`contributions`): a participant is in the list when the figure computed over them alone is 1.
 * For every count, data missing, numerator and denominator the list's length is the figure.
 * Sorted participant ids, or `'statistic'` for a numerator that is a statistic of the values
 * (the median of days to placement: its denominator lists who it is taken over) and `'plan'` for
 * TARGET_ACHIEVEMENT's denominator, which is the project's plan, no one's contribution.
 * Throws a RangeError for a figure the report does not have (an unknown code, or a measure or
 * group the code has not).
 */
export function participantsInFigure(
  outcomes: ParticipantOutcome[],
  period: ReportPeriod,
  figure: Pick<FigureKey, 'code' | 'group' | 'measure'>,
): string[] | NotCountedFromParticipants {
  const id = figureId(figure);
  const known = figuresOf(computeIndicatorReport([], period, 0)).some((f) => figureId(f) === id);
  if (!known) throw new RangeError(`The report has no figure ${id}`);
  if (STATISTIC_NUMERATORS.has(figure.code) && figure.measure === 'numerator') return 'statistic';
  if (figure.code === PLAN_DENOMINATOR && figure.measure === 'denominator') return 'plan';
  return outcomes
    .filter((o) => contributions(o, period).get(id) === '1')
    .map((o) => o.participantId)
    .sort();
}

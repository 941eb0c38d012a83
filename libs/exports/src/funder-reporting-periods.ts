/**
 * What a funder may ask for, so that two exports cannot be differenced to single out a person
 * (issue 14.5: two exports one day apart revealed one woman's attributes although each was
 * suppressed). Free `to` and `asKnownOn` let a funder take exports that differ by exactly one
 * person; fixed periods and fixed cut-offs leave only differences by what was recorded late.
 *
 * The rule, for funders (evaluators, caseworkers and admins keep free periods):
 * - the period is one of the configured kinds: a calendar quarter (`from` its first day, `to` its
 *   last), a calendar year (1 January to 31 December), or the project's whole period (`from`
 *   left out or the project's start date, `to` its end date);
 * - `asKnownOn` is a date, the last day of a month, on or after the period's last day: a period
 *   is reported once it has ended, as known at a month end, so two exports of one period differ
 *   only by what was recorded late for it, and two periods of one kind never overlap;
 * - and, like every report, that month end has passed (checked with the instant it stands for).
 * Configure one kind (`FUNDER_REPORTING_PERIODS`, default `quarter`): nested kinds (a year and its
 * quarters, the whole period and its years) let a difference of two exports equal a third
 * export's hidden cell, unless suppression is made consistent across them.
 */

export const FUNDER_PERIOD_KINDS = ['quarter', 'year', 'project'] as const;
export type FunderPeriodKind = (typeof FUNDER_PERIOD_KINDS)[number];

/** What the funder asked for, as given (dates `YYYY-MM-DD`, each optional). */
export interface FunderReportRequest {
  from?: string;
  to?: string;
  asKnownOn?: string;
}

/** Why a funder's request is refused: a stable code, the field, and the choices allowed. */
export interface FunderReportRefusal {
  code: 'REPORT.PERIOD_NOT_ALLOWED' | 'REPORT.AS_KNOWN_ON_NOT_ALLOWED';
  field: 'from' | 'to' | 'asKnownOn';
  reason: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last day of the month `date` (YYYY-MM-DD) falls in. */
export function endOfMonth(date: string): string {
  const [, year, month] = DATE.exec(date)!;
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(lastDay).padStart(2, '0')}`;
}

/**
 * The latest month end that has passed on `today` (YYYY-MM-DD, the date in the project's zone):
 * the last day of the month before `today`'s. Funders see figures only as known on such a day,
 * so two of their views differ only by what was recorded between two month ends.
 */
export function latestMonthEnd(today: string): string {
  const [, year, month] = DATE.exec(today)!;
  return new Date(Date.UTC(Number(year), Number(month) - 1, 0)).toISOString().slice(0, 10);
}

/** Which kinds of reporting period `from`..`to` is: a calendar quarter, a calendar year, the project's whole period (none: empty). */
export function periodKind(from: string | undefined, to: string, project: { startDate: string; endDate: string }): FunderPeriodKind[] {
  const kinds: FunderPeriodKind[] = [];
  if ((from === undefined || from === project.startDate) && to === project.endDate) kinds.push('project');
  const start = from === undefined ? null : DATE.exec(from);
  const end = DATE.exec(to);
  if (start && end && start[1] === end[1]) {
    const [, , fromMonth, fromDay] = start;
    const [, , toMonth] = end;
    if (fromMonth === '01' && fromDay === '01' && to.endsWith('-12-31')) kinds.push('year');
    const firstMonth = Number(fromMonth);
    if (fromDay === '01' && (firstMonth - 1) % 3 === 0 && Number(toMonth) === firstMonth + 2 && to === endOfMonth(to)) kinds.push('quarter');
  }
  return kinds;
}

/**
 * Null when a funder may have this export; else the refusal. `allowed` lists the configured kinds;
 * `project` gives the whole period's dates. Dates are compared as given (YYYY-MM-DD).
 */
export function funderReportRefusal(
  request: FunderReportRequest,
  project: { startDate: string; endDate: string },
  allowed: readonly FunderPeriodKind[],
): FunderReportRefusal | null {
  const choices = allowed.map(describeKind).join('; or ');
  if (request.to === undefined) {
    return { code: 'REPORT.PERIOD_NOT_ALLOWED', field: 'to', reason: `funders ask for a fixed reporting period: ${choices}` };
  }
  const kinds = periodKind(request.from, request.to, project).filter((kind) => allowed.includes(kind));
  if (kinds.length === 0) {
    return { code: 'REPORT.PERIOD_NOT_ALLOWED', field: request.from === undefined ? 'to' : 'from', reason: `funders ask for a fixed reporting period: ${choices}` };
  }
  const knownOn = request.asKnownOn;
  const monthEnds = `asKnownOn must be the last day of a month (YYYY-MM-DD), on or after the period's last day (${request.to})`;
  if (knownOn === undefined || !DATE.test(knownOn) || knownOn !== endOfMonth(knownOn) || knownOn < request.to) {
    return { code: 'REPORT.AS_KNOWN_ON_NOT_ALLOWED', field: 'asKnownOn', reason: `funders ask for figures as known at a month end: ${monthEnds}` };
  }
  return null;
}

function describeKind(kind: FunderPeriodKind): string {
  switch (kind) {
    case 'quarter':
      return 'a calendar quarter (from its first day to its last, e.g. from=2025-04-01&to=2025-06-30)';
    case 'year':
      return 'a calendar year (from=YYYY-01-01&to=YYYY-12-31)';
    case 'project':
      return "the project's whole period (to its end date, from left out or its start date)";
  }
}

/** A reporting period a funder may export now, with the month end it is known on. */
export interface FunderPeriodChoice {
  kind: FunderPeriodKind;
  /** First day; null for the project's whole period (from its start). */
  from: string | null;
  to: string;
  /** The latest month end that has passed (`today` is after it), on or after `to`. */
  asKnownOn: string;
}

/**
 * The periods of the allowed kinds that `funderReportRefusal` accepts today: ended by the latest
 * passed month end (the day before the first of `today`'s month), each as known on that month end,
 * newest first. Quarters and years overlapping the project's period; the whole period once ended.
 * `today` is the date in the project's zone (YYYY-MM-DD).
 */
export function funderPeriodChoices(
  project: { startDate: string; endDate: string },
  allowed: readonly FunderPeriodKind[],
  today: string,
): FunderPeriodChoice[] {
  const monthEnd = latestMonthEnd(today);
  const choices: FunderPeriodChoice[] = [];
  const firstYear = Number(project.startDate.slice(0, 4));
  const lastYear = Number(project.endDate.slice(0, 4));
  for (let y = lastYear; y >= firstYear; y--) {
    if (allowed.includes('quarter')) {
      for (let q = 4; q >= 1; q--) {
        const from = `${y}-${String(3 * q - 2).padStart(2, '0')}-01`;
        const to = endOfMonth(`${y}-${String(3 * q).padStart(2, '0')}-01`);
        if (to <= monthEnd && to >= project.startDate && from <= project.endDate) choices.push({ kind: 'quarter', from, to, asKnownOn: monthEnd });
      }
    }
    if (allowed.includes('year') && `${y}-12-31` <= monthEnd) choices.push({ kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, asKnownOn: monthEnd });
  }
  if (allowed.includes('project') && project.endDate <= monthEnd) choices.unshift({ kind: 'project', from: null, to: project.endDate, asKnownOn: monthEnd });
  return choices;
}

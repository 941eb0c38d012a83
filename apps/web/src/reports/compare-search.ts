import { wallClockToInstant } from './report-search';
import { malformed } from './url-values';

/**
 * The comparison's choices as they live in the URL (`/projects/{id}/report/compare`):
 * `?from=2025-01-01&to=2025-12-31&aDate=2026-03-01&aTime=10:00&bDate=2026-03-12&all=1`.
 * A is the earlier day (required), B the later (empty: now); a date alone is the end of that day
 * in the project's zone, a date and time is wall-clock time there. `all`: show unchanged figures too.
 */
export interface CompareSearch {
  from: string;
  to: string;
  aDate: string;
  aTime: string;
  bDate: string;
  bTime: string;
  all: boolean;
}

const TEXT_FIELDS = ['from', 'to', 'aDate', 'aTime', 'bDate', 'bTime'] as const;

/** The choices in a `location.search`, as written: what is not well formed is kept for `compareSearchProblems` to name. */
export function readCompareSearch(search: string): CompareSearch {
  const params = new URLSearchParams(search);
  const value = (name: string) => params.get(name) ?? '';
  return { from: value('from'), to: value('to'), aDate: value('aDate'), aTime: value('aTime'), bDate: value('bDate'), bTime: value('bTime'), all: params.get('all') === '1' };
}

/** The query string for the choices (empty ones left out), with its leading `?`, or '' for none. */
export function writeCompareSearch(choices: CompareSearch): string {
  const params = new URLSearchParams();
  for (const name of TEXT_FIELDS) if (choices[name]) params.set(name, choices[name]);
  if (choices.all) params.set('all', '1');
  return params.size ? `?${params}` : '';
}

export type CompareProblem = 'toBeforeFrom' | 'timeWithoutDate' | 'aRequired' | 'bBeforeA' | 'badDate' | 'badTime';

/** What is wrong with the choices, by field, before the API is asked; a date or time not well formed first (from a link or typed). */
export function compareSearchProblems(choices: CompareSearch): Partial<Record<(typeof TEXT_FIELDS)[number], CompareProblem>> {
  const bad = malformed(choices, ['from', 'to', 'aDate', 'bDate'], ['aTime', 'bTime']);
  const problems: Partial<Record<(typeof TEXT_FIELDS)[number], CompareProblem>> = {};
  if (!bad.from && !bad.to && choices.from && choices.to && choices.to < choices.from) problems.to = 'toBeforeFrom';
  if (!choices.aDate) problems.aDate = choices.aTime ? 'timeWithoutDate' : 'aRequired';
  if (choices.bTime && !choices.bDate) problems.bDate = 'timeWithoutDate';
  else if (Object.keys(bad).length === 0 && choices.aDate && choices.bDate && `${choices.bDate}T${choices.bTime || '24'}` < `${choices.aDate}T${choices.aTime || '24'}`) problems.bDate = 'bBeforeA';
  return { ...problems, ...bad };
}

/** The API's `asKnownOnA`/`asKnownOnB` for one side: a date alone, a date and time in `zone` as a UTC instant, or undefined (B: now). */
export function sideParam(date: string, time: string, zone: string): string | undefined {
  if (!date) return undefined;
  return time ? wallClockToInstant(date, time, zone) : date;
}

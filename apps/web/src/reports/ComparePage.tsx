import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, Problem, ProjectSummary, SessionUser } from '../api/client';
import { problemMessage, problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, FieldMessage } from '../participants/form-parts';
import { eventLabel } from '../participants/timeline-facts';
import { useSession } from '../session/session';
import { CompareSearch, compareSearchProblems, readCompareSearch, sideParam, writeCompareSearch } from './compare-search';
import { figureLabel } from './figure-label';

/** `GET /api/v1/projects/{projectId}/indicators/comparison`: every figure as known on A and on B, each change explained. */
export interface Comparison {
  period: { from: string | null; to: string };
  a: { asKnownOn: string };
  b: { asKnownOn: string };
  figures: Array<{
    code: string;
    kind: 'indicator' | 'rate';
    group: string;
    measure: string;
    a: number;
    b: number;
    changed: boolean;
    projectChange: 'planned-participants' | null;
    explanation: Array<{ participantId: string; events: Array<{ eventId: string; type: string; occurredOn: string | null; recordedAt: string; recordedBy: string }> }>;
  }>;
}

const FIELD_ID: Record<string, string> = { from: 'compare-from', to: 'compare-to', aDate: 'compare-a-date', asKnownOnA: 'compare-a-date', aTime: 'compare-a-time', bDate: 'compare-b-date', asKnownOnB: 'compare-b-date', bTime: 'compare-b-time' };
const fieldId = (name: string) => FIELD_ID[name] ?? `compare-${name}`;

/** Who may open a participant's pathway (the API's `participants.read`): the explanation links there for them. */
export const mayOpenPathway = (role: SessionUser['role']): boolean => role === 'caseworker' || role === 'evaluator';

type Result = { comparison: Comparison } | { problem: Problem } | 'idle' | 'loading' | 'failed';

/**
 * Compare two days (`/projects/{id}/report/compare`): the indicator report of one period as known
 * on A and on B side by side, with the difference, changed figures marked in words (not colour
 * alone), and under each the events recorded between A and B that explain it: pseudonymous
 * participant, event type, occurred on, recorded at, by whom. Choices live in the URL. Only
 * changed figures by default; "show all figures" adds the unchanged. The API computes it all.
 */
export function ComparePage({ projectId, role }: { projectId: string; role: SessionUser['role'] }) {
  const t = useT();
  const intl = useIntl();
  const { search, path, navigate } = useNavigation();
  const { expired } = useSession();
  const chosen = readCompareSearch(search);
  const chosenKey = writeCompareSearch(chosen);
  const [draft, setDraft] = useState<CompareSearch>(chosen);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [zone, setZone] = useState<string | 'failed' | null>(null);
  const [result, setResult] = useState<Result>('idle');
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setDraft(readCompareSearch(chosenKey));
    setInvalid({});
  }, [chosenKey]);

  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } }).then(({ data, response }) => {
      if (!current) return;
      if (response.status === 401) return expired();
      setZone(response.ok ? (data as unknown as ProjectSummary & { timeZone: string }).timeZone : 'failed');
    });
    return () => {
      current = false;
    };
  }, [projectId, expired]);

  const ready = zone !== null && zone !== 'failed';
  const asked = readCompareSearch(chosenKey);
  // The toggle does not ask the API again: it only shows more of the same answer.
  const askedKey = writeCompareSearch({ ...asked, all: false });
  useEffect(() => {
    if (!ready) return;
    const choices = readCompareSearch(askedKey);
    if (!choices.aDate && !choices.aTime) return setResult('idle');
    const problems = compareSearchProblems(choices);
    if (Object.keys(problems).length > 0) {
      setInvalid(Object.fromEntries(Object.entries(problems).map(([field, id]) => [field, t(`compare.error.${id}` as MessageId)])));
      setResult('failed');
      return;
    }
    let current = true;
    setResult('loading');
    const b = sideParam(choices.bDate, choices.bTime, zone);
    const query = { ...(choices.from ? { from: choices.from } : {}), ...(choices.to ? { to: choices.to } : {}), asKnownOnA: sideParam(choices.aDate, choices.aTime, zone)!, ...(b ? { asKnownOnB: b } : {}) };
    void api.GET('/api/v1/projects/{projectId}/indicators/comparison', { params: { path: { projectId }, query } }).then(({ data, error, response }) => {
      if (!current) return;
      if (response.status === 401) return expired();
      if (response.ok) return setResult({ comparison: data as unknown as Comparison });
      setResult(response.status >= 400 && response.status < 500 ? { problem: problemOf(error, response) } : 'failed');
    });
    return () => {
      current = false;
    };
  }, [projectId, ready, zone, askedKey, expired]);

  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const apiProblem = typeof result === 'object' && 'problem' in result ? result.problem : null;
  const fields: Record<string, string> = { ...invalid };
  if (apiProblem) {
    for (const e of apiProblem.errors ?? []) {
      const name = e.field === 'asKnownOnA' ? 'aDate' : e.field === 'asKnownOnB' ? 'bDate' : e.field;
      fields[name] = apiProblem.code === 'REPORT.AS_KNOWN_ON_IN_FUTURE' ? t('compare.error.inFuture') : /after asKnownOnB/.test(e.reason) ? t('compare.error.bBeforeA') : t('problem.field.date');
    }
  }
  const hasFieldProblems = Object.keys(fields).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = compareSearchProblems(draft);
    if (Object.keys(problems).length > 0) {
      setInvalid(Object.fromEntries(Object.entries(problems).map(([field, id]) => [field, t(`compare.error.${id}` as MessageId)])));
      setTimeout(() => summary.current?.focus());
      return;
    }
    setInvalid({});
    navigate(`${path}${writeCompareSearch(draft)}`);
  };
  useEffect(() => {
    if (apiProblem) summary.current?.focus();
  }, [apiProblem]);

  const field = (name: 'from' | 'to' | 'aDate' | 'aTime' | 'bDate' | 'bTime', type: 'date' | 'time') => (
    <div className="field">
      <label htmlFor={fieldId(name)}>{t(`compare.field.${name}` as MessageId, { zone: ready ? zone : '' })}</label>
      <FieldMessage id={fieldId(name)} message={fields[name]} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        step={type === 'time' ? 1 : undefined}
        className="date-input"
        value={draft[name]}
        aria-invalid={fields[name] ? true : undefined}
        aria-describedby={fields[name] ? `${fieldId(name)}-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </div>
  );

  const reportLink = `/projects/${encodeURIComponent(projectId)}/report`;
  return (
    <>
      <PageHeading title={`${t('compare.title')} ${projectId}`}>
        {t('compare.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t('compare.intro')}</p>
      <p>
        <Link to={reportLink}>{t('compare.backToReport')}</Link>
      </p>
      {zone === 'failed' && (
        <p role="alert" className="error-message">
          {t('report.projectFailed')}
        </p>
      )}
      {(hasFieldProblems || apiProblem) && (
        <ErrorSummary ref={summary} fieldId={fieldId} title={t('report.errors.title')} problem={{ summary: apiProblem ? problemMessage(apiProblem, t, date) : '', fields }} />
      )}
      <form className="report-choices" onSubmit={submit} noValidate aria-label={t('compare.choices')}>
        <fieldset className="field">
          <legend>{t('report.period')}</legend>
          <div className="report-fields">
            {field('from', 'date')}
            {field('to', 'date')}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('compare.sideA')}</legend>
          <p className="hint">{t('compare.sideA.hint')}</p>
          <div className="report-fields">
            {field('aDate', 'date')}
            {field('aTime', 'time')}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('compare.sideB')}</legend>
          <p className="hint">{t('compare.sideB.hint')}</p>
          <div className="report-fields">
            {field('bDate', 'date')}
            {field('bTime', 'time')}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('compare.show')}
          </button>
        </div>
      </form>

      <div aria-live="polite" aria-busy={result === 'loading'}>
        {result === 'loading' && <p role="status">{t('compare.loading')}</p>}
        {result === 'failed' && !hasFieldProblems && (
          <p role="alert" className="error-message">
            {t('app.error')}
          </p>
        )}
      </div>
      {result === 'idle' && ready && <p className="notice">{t('compare.chooseA')}</p>}
      {typeof result === 'object' && 'comparison' in result && ready && (
        <ComparedFigures
          comparison={result.comparison}
          zone={zone}
          showAll={chosen.all}
          onShowAll={(all) => navigate(`${path}${writeCompareSearch({ ...chosen, all })}`)}
          linkParticipants={mayOpenPathway(role)}
        />
      )}
    </>
  );
}

/** The figures side by side, each change explained; only the changed ones unless `showAll`. */
function ComparedFigures({ comparison, zone, showAll, onShowAll, linkParticipants }: { comparison: Comparison; zone: string; showAll: boolean; onShowAll: (all: boolean) => void; linkParticipants: boolean }) {
  const t = useT();
  const intl = useIntl();
  const number = (n: number) => intl.formatNumber(n);
  const difference = (n: number) => intl.formatNumber(n, { signDisplay: 'exceptZero' });
  const day = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = (iso: string) => `${intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone })} ${intl.formatTime(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: zone })}`;
  const changed = comparison.figures.filter((f) => f.changed);
  const shown = showAll ? comparison.figures : changed;
  const period = t('report.periodShown', { from: comparison.period.from ? day(comparison.period.from) : t('report.period.start'), to: day(comparison.period.to) });

  return (
    <>
      <div className="notice as-known-on" role="note" aria-labelledby="compare-banner-title">
        <p id="compare-banner-title" className="notice-title">
          {t('compare.banner.title')}
        </p>
        <p>{t('compare.banner.sides', { a: instant(comparison.a.asKnownOn), b: instant(comparison.b.asKnownOn), zone })}</p>
        <p>{period}</p>
        <p>{t('compare.banner.changed', { count: changed.length })}</p>
      </div>
      <div className="compare-toggle">
        <input id="compare-all" type="checkbox" checked={showAll} onChange={(e) => onShowAll(e.target.checked)} />
        <label htmlFor="compare-all">{t('compare.showAll')}</label>
      </div>
      {shown.length === 0 ? (
        <p className="notice">{t('compare.nothingChanged')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
          <table className="figures comparison">
            <caption id="compare-caption">{t(showAll ? 'compare.caption.all' : 'compare.caption.changed', { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.column.figure')}</th>
                <th scope="col" className="number">{t('compare.column.a')}</th>
                <th scope="col" className="number">{t('compare.column.b')}</th>
                <th scope="col" className="number">{t('compare.column.difference')}</th>
                <th scope="col">{t('compare.column.status')}</th>
              </tr>
            </thead>
            {shown.map((f) => {
              const key = `${f.code}-${f.group}-${f.measure}`;
              const label = figureLabel(t, f);
              return (
                <tbody key={key}>
                  <tr className={f.changed ? 'changed' : undefined}>
                    <th scope="row" id={`figure-${key}`}>
                      <span className="code">{f.code}</span> {label}
                    </th>
                    <td className="number">{number(f.a)}</td>
                    <td className="number">{number(f.b)}</td>
                    <td className="number">{difference(f.b - f.a)}</td>
                    <td>
                      {f.changed ? (
                        <strong className="change-mark">
                          <span aria-hidden="true">{f.b > f.a ? '▲ ' : '▼ '}</span>
                          {t(f.b > f.a ? 'compare.status.up' : 'compare.status.down')}
                        </strong>
                      ) : (
                        t('compare.status.same')
                      )}
                    </td>
                  </tr>
                  {f.changed && (
                    <tr className="explanation">
                      <td colSpan={5}>
                        {f.projectChange === 'planned-participants' ? (
                          <p>{t('compare.projectChange')}</p>
                        ) : (
                          <ul aria-label={t('compare.explainedBy', { figure: `${f.code} ${label}` })} className="explaining">
                            {f.explanation.map((p) => (
                              <li key={p.participantId}>
                                <span className="participant">
                                  {linkParticipants ? <Link to={`/participants/${encodeURIComponent(p.participantId)}`}>{p.participantId}</Link> : <span className="code">{p.participantId}</span>}
                                </span>
                                <ul>
                                  {p.events.map((e) => (
                                    <li key={e.eventId}>
                                      <strong>{t(eventLabel(e.type))}</strong>
                                      {', '}
                                      {t('compare.event.facts', { occurredOn: e.occurredOn ? day(e.occurredOn) : t('compare.event.noDate'), recordedAt: instant(e.recordedAt), recordedBy: e.recordedBy })}
                                    </li>
                                  ))}
                                </ul>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  )}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </>
  );
}

import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, IndicatorReport, Problem, ProjectSummary, SessionUser } from '../api/client';
import { problemMessage, problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, FieldMessage } from '../participants/form-parts';
import { useSession } from '../session/session';
import { IndicatorChart } from './IndicatorChart';
import { figureHref, mayDrillDown } from './FigurePage';
import { writeCompareSearch } from './compare-search';
import { figureLabel } from './figure-label';
import { asKnownOnParam, readReportSearch, ReportSearch, reportSearchProblems, writeReportSearch } from './report-search';

/** The form's fields by the name the URL and the API give them, and the id of each control. */
const FIELD_ID: Record<string, string> = { from: 'report-from', to: 'report-to', knownOnDate: 'report-known-date', asKnownOn: 'report-known-date', knownOnTime: 'report-known-time' };
const fieldId = (name: string) => FIELD_ID[name] ?? `report-${name}`;

const GROUPS = ['women', 'men', 'nonBinary', 'genderNotDisclosed'] as const;
const FORMATS = ['csv', 'csv-semicolon', 'xlsx', 'json'] as const;

type Loaded = { report: IndicatorReport; askedAt: string };
type Result = Loaded | { problem: Problem } | 'loading' | 'failed';

/**
 * The indicator report of one project (`/projects/{id}/report`): the period and the "as known on"
 * instant are chosen in the page and kept in the URL, so a link shows the same figures and Back
 * returns to the choices before. The ESF+ common indicators come first (one row each, by gender
 * group and data missing), then the project rates with their numerators and denominators, then a
 * chart of the same figures, and the funder's (suppressed) files to download. The figures are the
 * API's (`GET /api/v1/projects/{projectId}/indicators`): this page computes nothing.
 */
export function ReportPage({ projectId, role }: { projectId: string; role: SessionUser['role'] }) {
  const t = useT();
  const intl = useIntl();
  const { search, path, navigate } = useNavigation();
  const { expired } = useSession();
  const chosen = readReportSearch(search);
  const chosenKey = writeReportSearch(chosen);
  const [draft, setDraft] = useState<ReportSearch>(chosen);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [project, setProject] = useState<ProjectSummary & { timeZone: string } | 'failed' | null>(null);
  const [result, setResult] = useState<Result>('loading');
  const summary = useRef<HTMLDivElement>(null);

  // Back and forward (and a shared link) set the choices: the form shows them again.
  useEffect(() => {
    setDraft(readReportSearch(chosenKey));
    setInvalid({});
  }, [chosenKey]);

  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } }).then(({ data, response }) => {
      if (!current) return;
      if (response.status === 401) return expired();
      setProject(response.ok ? (data as unknown as ProjectSummary & { timeZone: string }) : 'failed');
    });
    return () => {
      current = false;
    };
  }, [projectId, expired]);

  const zone = typeof project === 'object' && project ? project.timeZone : null;
  useEffect(() => {
    if (zone === null) return;
    const choices = readReportSearch(chosenKey);
    // A shared link can hold what the form would refuse: said next to the field, nothing asked.
    const problems = reportSearchProblems(choices);
    if (Object.keys(problems).length > 0) {
      setInvalid(Object.fromEntries(Object.entries(problems).map(([field, id]) => [field, t(`report.error.${id}` as MessageId)])));
      setResult('failed');
      return;
    }
    let current = true;
    setResult('loading');
    const asKnownOn = asKnownOnParam(choices, zone);
    const query = { ...(choices.from ? { from: choices.from } : {}), ...(choices.to ? { to: choices.to } : {}), ...(asKnownOn ? { asKnownOn } : {}) };
    void api.GET('/api/v1/projects/{projectId}/indicators', { params: { path: { projectId }, query } }).then(({ data, error, response }) => {
      if (!current) return;
      if (response.status === 401) return expired();
      if (response.ok) return setResult({ report: data as unknown as IndicatorReport, askedAt: new Date().toISOString() });
      setResult(response.status >= 400 && response.status < 500 ? { problem: problemOf(error, response) } : 'failed');
    });
    return () => {
      current = false;
    };
    // `t` changes with the language; the figures do not.
  }, [projectId, zone, chosenKey, expired]);

  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const number = (n: number) => intl.formatNumber(n);

  // A refusal by the API goes next to the field it is about.
  const apiProblem = typeof result === 'object' && 'problem' in result ? result.problem : null;
  const fields: Record<string, string> = { ...invalid };
  if (apiProblem) {
    if (apiProblem.code === 'REPORT.AS_KNOWN_ON_IN_FUTURE') fields.knownOnDate = t('report.error.inFuture');
    else for (const e of apiProblem.errors ?? []) fields[e.field === 'asKnownOn' ? 'knownOnDate' : e.field] = e.field === 'from' && /after/.test(e.reason) ? t('report.error.toBeforeFrom') : t('problem.field.date');
  }
  const hasFieldProblems = Object.keys(fields).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = reportSearchProblems(draft);
    if (Object.keys(problems).length > 0) {
      setInvalid(Object.fromEntries(Object.entries(problems).map(([field, id]) => [field, t(`report.error.${id}` as MessageId)])));
      setTimeout(() => summary.current?.focus());
      return;
    }
    setInvalid({});
    navigate(`${path}${writeReportSearch(draft)}`);
  };
  useEffect(() => {
    if (apiProblem) summary.current?.focus();
  }, [apiProblem]);

  const field = (name: keyof ReportSearch, type: 'date' | 'time', hintId: string) => (
    <div className="field">
      <label htmlFor={fieldId(name)}>{t(`report.field.${name}` as MessageId, { zone: zone ?? '' })}</label>
      <p className="hint" id={hintId}>
        {t(`report.field.${name}.hint` as MessageId, { zone: zone ?? '' })}
      </p>
      <FieldMessage id={fieldId(name)} message={fields[name]} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        step={type === 'time' ? 1 : undefined}
        className="date-input"
        value={draft[name]}
        aria-invalid={fields[name] ? true : undefined}
        aria-describedby={[hintId, fields[name] ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ')}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </div>
  );

  return (
    <>
      <PageHeading title={`${t('report.title')} ${projectId}`}>
        {t('report.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t('report.intro')}</p>
      <p>
        <Link to={`${path}/compare${writeCompareSearch({ from: chosen.from, to: chosen.to, aDate: chosen.knownOnDate, aTime: chosen.knownOnTime, bDate: '', bTime: '', all: false })}`}>{t('report.compareLink')}</Link>
      </p>
      {project === 'failed' && (
        <p role="alert" className="error-message">
          {t('report.projectFailed')}
        </p>
      )}
      {(hasFieldProblems || apiProblem) && (
        <ErrorSummary
          ref={summary}
          fieldId={fieldId}
          title={t('report.errors.title')}
          problem={{ summary: apiProblem ? problemMessage(apiProblem, t, date) : '', fields }}
        />
      )}
      <form className="report-choices" onSubmit={submit} noValidate aria-label={t('report.choices')}>
        <fieldset className="field">
          <legend>{t('report.period')}</legend>
          <div className="report-fields">
            {field('from', 'date', 'report-from-hint')}
            {field('to', 'date', 'report-to-hint')}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('report.asKnownOn')}</legend>
          <p className="hint">{t('report.asKnownOn.hint')}</p>
          <div className="report-fields">
            {field('knownOnDate', 'date', 'report-known-date-hint')}
            {field('knownOnTime', 'time', 'report-known-time-hint')}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('report.show')}
          </button>
        </div>
      </form>

      <div aria-live="polite" aria-busy={result === 'loading'}>
        {result === 'loading' && project !== 'failed' && <p role="status">{t('report.loading')}</p>}
        {result === 'failed' && !hasFieldProblems && (
          <p role="alert" className="error-message">
            {t('app.error')}
          </p>
        )}
      </div>
      {typeof result === 'object' && 'report' in result && zone && (
        <Figures loaded={result} zone={zone} choices={chosen} projectId={projectId} number={number} date={date} drill={mayDrillDown(role) ? search : null} />
      )}
    </>
  );
}

/** The banner, the two tables, the chart and the downloads, for one answer of the API. */
function Figures({ loaded, zone, choices, projectId, number, date, drill }: { loaded: Loaded; zone: string; choices: ReportSearch; projectId: string; number: (n: number) => string; date: (iso: string) => string; drill: string | null }) {
  const t = useT();
  const intl = useIntl();
  const { report, askedAt } = loaded;
  const instant = (iso: string) =>
    `${intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone })} ${intl.formatTime(iso, { hour: '2-digit', minute: '2-digit', ...(choices.knownOnTime.length > 5 ? { second: '2-digit' } : {}), timeZone: zone })}`;
  const banner = report.asKnownOn === null
    ? t('report.banner.now', { when: instant(askedAt), zone })
    : !choices.knownOnTime
      ? t('report.banner.endOfDay', { date: date(choices.knownOnDate), zone })
      : t('report.banner.instant', { when: instant(report.asKnownOn), zone });
  const period = t('report.periodShown', { from: report.period.from ? date(report.period.from) : t('report.period.start'), to: date(report.period.to) });
  const outputs = report.indicators.filter((i) => i.code.startsWith('EECO'));
  const results = report.indicators.filter((i) => i.code.startsWith('EECR'));
  const nobody = report.indicators.every((i) => i.total === 0 && i.dataMissing === 0);
  const percent = (value: number | null) => (value === null ? '–' : intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }));

  const exportQuery = new URLSearchParams();
  if (choices.from) exportQuery.set('from', choices.from);
  if (choices.to) exportQuery.set('to', choices.to);
  const asKnownOn = asKnownOnParam(choices, zone);
  if (asKnownOn) exportQuery.set('asKnownOn', asKnownOn);

  // For evaluators and admins, each figure opens the participants counted in it (the drill-down).
  const figure = (value: number, code: string, kind: 'indicator' | 'rate', group: string, measure: string) => {
    if (drill === null || (code === 'MEDIAN_DAYS_TO_PLACEMENT' && measure === 'numerator') || (code === 'TARGET_ACHIEVEMENT' && measure === 'denominator')) return number(value);
    const name = `${code} ${figureLabel(t, { code, kind, group, measure })}`;
    return (
      <Link to={figureHref(projectId, drill, { code, group, measure })} label={t('report.figureLink', { count: number(value), figure: name })}>
        {number(value)}
      </Link>
    );
  };

  const indicatorRow = (i: IndicatorReport['indicators'][number]) => (
    <tr key={i.code}>
      <th scope="row">
        <span className="code">{i.code}</span> {t(`indicator.${i.code}` as MessageId)}
      </th>
      {GROUPS.map((g) => (
        <td key={g} className="number">{figure(i[g], i.code, 'indicator', g, 'count')}</td>
      ))}
      <td className="number">{figure(i.dataMissing, i.code, 'indicator', 'total', 'dataMissing')}</td>
      <td className="number total">{figure(i.total, i.code, 'indicator', 'total', 'count')}</td>
    </tr>
  );

  return (
    <>
      <div className="notice as-known-on" role="note" aria-labelledby="as-known-on-title">
        <p id="as-known-on-title" className="notice-title">
          {t('report.banner.title')}
        </p>
        <p>{banner}</p>
        <p>{period}</p>
      </div>
      {nobody && <p className="notice">{t('report.nobody')}</p>}

      <h2 id="esf-title">{t('report.esf.title')}</h2>
      <p>{t('report.esf.intro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="esf-caption" tabIndex={0}>
        <table className="figures">
          <caption id="esf-caption">{t('report.esf.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.column.indicator')}</th>
              {GROUPS.map((g) => (
                <th scope="col" key={g} className="number">{t(`report.column.${g}` as MessageId)}</th>
              ))}
              <th scope="col" className="number">{t('report.column.dataMissing')}</th>
              <th scope="col" className="number">{t('report.column.total')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="group">
              <th scope="rowgroup" colSpan={7}>{t('report.esf.outputs')}</th>
            </tr>
            {outputs.map(indicatorRow)}
          </tbody>
          <tbody>
            <tr className="group">
              <th scope="rowgroup" colSpan={7}>{t('report.esf.results')}</th>
            </tr>
            {results.map(indicatorRow)}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('report.esf.notes')}</p>

      <h2 id="rates-title">{t('report.rates.title')}</h2>
      <p>{t('report.rates.intro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="rates-caption" tabIndex={0}>
        <table className="figures">
          <caption id="rates-caption">{t('report.rates.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.column.rate')}</th>
              <th scope="col" className="number">{t('report.column.numerator')}</th>
              <th scope="col" className="number">{t('report.column.denominator')}</th>
              <th scope="col" className="number">{t('report.column.value')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rates.map((r) => (
              <tr key={r.code}>
                <th scope="row">{t(`rate.${r.code}` as MessageId)}</th>
                <td className="number">{figure(r.numerator, r.code, 'rate', 'total', 'numerator')}</td>
                <td className="number">{figure(r.denominator, r.code, 'rate', 'total', 'denominator')}</td>
                <td className="number">{r.code === 'MEDIAN_DAYS_TO_PLACEMENT' ? (r.value === null ? '–' : t('report.rate.medianDays', { days: number(r.value) })) : percent(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('report.rates.notes')}</p>

      <IndicatorChart indicators={outputs} number={number} />

      <h2 id="download-title">{t('report.download.title')}</h2>
      <p>{t('report.download.intro')}</p>
      <ul className="downloads">
        {FORMATS.map((format) => {
          const query = new URLSearchParams(exportQuery);
          query.set('format', format);
          return (
            <li key={format}>
              <a href={`/api/v1/projects/${encodeURIComponent(projectId)}/indicators/export?${query}`} download>
                {t(`report.download.${format}` as MessageId)}
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}

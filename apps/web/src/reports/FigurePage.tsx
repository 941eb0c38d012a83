import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, Problem, ProjectSummary, SessionUser } from '../api/client';
import { problemMessage, problemOf } from '../api/problems';
import { ListInParts } from '../app/ListInParts';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { mayOpenPathway } from './ComparePage';
import { figureLabel } from './figure-label';
import { asKnownOnParam, readReportSearch, writeReportSearch } from './report-search';

/** Who may see the participants behind a figure (the API's `indicators.drill-down`): never funders, nor caseworkers. */
export const mayDrillDown = (role: SessionUser['role']): boolean => role === 'evaluator' || role === 'admin';

const GROUPS = ['total', 'women', 'men', 'nonBinary', 'genderNotDisclosed'] as const;
const MEASURES = ['count', 'dataMissing', 'numerator', 'denominator'] as const;

/** The figure a drill-down shows, from the URL: `?code=EECO01&group=women&measure=count` besides the report's own choices. */
export function readFigure(search: string): { code: string; group: (typeof GROUPS)[number]; measure: (typeof MEASURES)[number] } | null {
  const params = new URLSearchParams(search);
  const code = params.get('code') ?? '';
  const group = (params.get('group') ?? 'total') as (typeof GROUPS)[number];
  const measure = (params.get('measure') ?? 'count') as (typeof MEASURES)[number];
  if (!/^[A-Z0-9_]{2,40}$/.test(code) || !GROUPS.includes(group) || !MEASURES.includes(measure)) return null;
  return { code, group, measure };
}

/** The drill-down's address for one figure of the report as chosen (`choices`: the report's own `location.search`). */
export function figureHref(projectId: string, reportSearch: string, figure: { code: string; group: string; measure: string }): string {
  const params = new URLSearchParams(writeReportSearch(readReportSearch(reportSearch)));
  params.set('code', figure.code);
  params.set('group', figure.group);
  params.set('measure', figure.measure);
  return `/projects/${encodeURIComponent(projectId)}/report/figure?${params}`;
}

type Listed = { value: number; participantIds: string[] };
type Result = { listed: Listed } | { problem: Problem } | 'loading' | 'failed';

/**
 * The participants behind one figure (`/projects/{id}/report/figure`, issue 11 evaluator 3): the
 * pseudonymous ids the API counts in it (`GET …/indicators/{code}/participants`), each a link to
 * their pathway for those who may open it, for the same period and "as known on" as the report.
 * Evaluators and admins only; the report links here only for them.
 */
export function FigurePage({ projectId, role }: { projectId: string; role: SessionUser['role'] }) {
  const t = useT();
  const intl = useIntl();
  const { search } = useNavigation();
  const { expired } = useSession();
  const figure = readFigure(search);
  const choices = readReportSearch(search);
  const reportHref = `/projects/${encodeURIComponent(projectId)}/report${writeReportSearch(choices)}`;
  const [result, setResult] = useState<Result>('loading');
  const key = `${search}`;

  useEffect(() => {
    if (!figure || !mayDrillDown(role)) return;
    let current = true;
    setResult('loading');
    void (async () => {
      const project = await api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } });
      if (!current) return;
      if (project.response.status === 401) return expired();
      if (!project.response.ok) return setResult('failed');
      const zone = (project.data as unknown as ProjectSummary & { timeZone: string }).timeZone;
      const asKnownOn = asKnownOnParam(choices, zone);
      const query = { ...(choices.from ? { from: choices.from } : {}), ...(choices.to ? { to: choices.to } : {}), ...(asKnownOn ? { asKnownOn } : {}), group: figure.group, measure: figure.measure };
      const { data, error, response } = await api.GET('/api/v1/projects/{projectId}/indicators/{code}/participants', { params: { path: { projectId, code: figure.code }, query } });
      if (!current) return;
      if (response.status === 401) return expired();
      if (response.ok) return setResult({ listed: data as unknown as Listed });
      setResult(response.status >= 400 && response.status < 500 ? { problem: problemOf(error, response) } : 'failed');
    })();
    return () => {
      current = false;
    };
    // The figure and the choices are read from `search`.
  }, [projectId, key, role, expired]);

  const kind = figure && /^EEC/.test(figure.code) ? 'indicator' : 'rate';
  const label = figure ? `${figure.code} ${figureLabel(t, { ...figure, kind })}` : '';
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (!mayDrillDown(role)) return <PageHeading title={t('figure.forbidden')}>{t('figure.forbidden')}</PageHeading>;
  if (!figure) return <PageHeading title={t('app.notFound')}>{t('app.notFound')}</PageHeading>;
  return (
    <>
      <PageHeading title={`${t('figure.title')} ${label}`}>
        {t('figure.title')} <span className="muted">{label}</span>
      </PageHeading>
      <p>{t('figure.intro')}</p>
      <p>
        <Link to={reportHref}>{t('figure.backToReport')}</Link>
      </p>
      <div aria-live="polite" aria-busy={result === 'loading'}>
        {result === 'loading' && <p role="status">{t('figure.loading')}</p>}
        {result === 'failed' && (
          <p role="alert" className="error-message">
            {t('app.error')}
          </p>
        )}
        {typeof result === 'object' && 'problem' in result && (
          <p role="alert" className="error-message">
            {problemMessage(result.problem, t, date)}
          </p>
        )}
      </div>
      {typeof result === 'object' && 'listed' in result && (
        <>
          <p className="notice" role="note">
            {t('figure.count', { count: result.listed.value })}
          </p>
          {result.listed.participantIds.length > 0 && (
            <ListInParts
              key={key}
              className="figure-participants"
              label={t('figure.list', { figure: label })}
              items={result.listed.participantIds}
              render={(id) => <li key={id}>{mayOpenPathway(role) ? <Link to={`/participants/${encodeURIComponent(id)}`}>{id}</Link> : <span className="code">{id}</span>}</li>}
            />
          )}
        </>
      )}
    </>
  );
}

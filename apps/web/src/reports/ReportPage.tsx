import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, IndicatorReport, ProjectSummary, SessionUser } from '../api/client';
import { problemMessage } from '../api/problems';
import { isLoading, useAnswer } from '../api/use-answer';
import { BusyState } from '../app/BusyState';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary } from '../participants/form-parts';
import { useSession } from '../session/session';
import { ChoiceInput, useChoicesForm } from './choices-form';
import { mayDrillDown } from './FigurePage';
import { writeCompareSearch } from './compare-search';
import { ReportFigures } from './ReportFigures';
import { asKnownOnParam, readReportSearch, ReportSearch, reportSearchProblems, writeReportSearch } from './report-search';
import { mayCompareSubmitted, submittedReportsPath } from './SubmittedReportsPage';

/** The form's fields by the name the URL and the API give them, and the id of each control. */
const FIELD_ID: Record<string, string> = { from: 'report-from', to: 'report-to', knownOnDate: 'report-known-date', asKnownOn: 'report-known-date', knownOnTime: 'report-known-time' };
const fieldId = (name: string) => FIELD_ID[name] ?? `report-${name}`;
const CHOICES = { read: readReportSearch, write: writeReportSearch, problems: reportSearchProblems, errors: 'report.error' } as const;

/**
 * The indicator report of one project (`/projects/{id}/report`): the period and the "as known on"
 * instant are chosen in the page and kept in the URL, so a link shows the same figures and Back
 * returns to the choices before. The ESF+ common indicators come first (one row each, by gender
 * group and data missing), then the project rates with their numerators and denominators, then a
 * chart of the same figures, and the funder's (suppressed) files to download. The figures are the
 * API's (`GET /api/v1/projects/{projectId}/indicators`): this page computes nothing.
 *
 * However long the API counts (a project of 100,000 participants), the page stays usable: a
 * progress bar and a polite status say it is counting, the form can be changed and sent again
 * meanwhile, and new choices abort the request they supersede, so the figures shown are always
 * those of the choices last made. What is drawn is one row per indicator, never per participant.
 */
export function ReportPage({ projectId, role }: { projectId: string; role: SessionUser['role'] }) {
  const t = useT();
  const intl = useIntl();
  const { search, path } = useNavigation();
  const { expired } = useSession();
  const chosen = readReportSearch(search);
  const chosenKey = writeReportSearch(chosen);
  const form = useChoicesForm<ReportSearch>(chosenKey, CHOICES);
  const { draft, setDraft, problem } = form;
  const [project, setProject] = useState<ProjectSummary & { timeZone: string } | 'failed' | null>(null);
  const [openedAt] = useState(Date.now);

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
  // A shared link can hold what the form would refuse: said next to the field, nothing asked.
  const linkProblems = form.check(chosen);
  const asked = zone === null || linkProblems ? null : `${projectId} ${zone} ${chosenKey}`;
  const answer = useAnswer<IndicatorReport>(asked, (signal) => {
    const asKnownOn = asKnownOnParam(chosen, zone!);
    const query = { ...(chosen.from ? { from: chosen.from } : {}), ...(chosen.to ? { to: chosen.to } : {}), ...(asKnownOn ? { asKnownOn } : {}) };
    return api.GET('/api/v1/projects/{projectId}/indicators', { params: { path: { projectId }, query }, signal });
  });

  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const number = (n: number) => intl.formatNumber(n);

  // A refusal by the API goes next to the field it is about, and the summary takes the focus.
  const apiProblem = typeof answer === 'object' && 'problem' in answer ? answer.problem : null;
  useEffect(() => {
    if (zone !== null && linkProblems) form.refuse({ summary: '', fields: linkProblems }, { focus: false });
    // The choices in the URL are what is checked; `t` changes with the language, the choices do not.
  }, [zone, chosenKey]);
  useEffect(() => {
    if (!apiProblem) return;
    const fields: Record<string, string> = {};
    if (apiProblem.code === 'REPORT.AS_KNOWN_ON_IN_FUTURE') fields.knownOnDate = t('report.error.inFuture');
    else for (const e of apiProblem.errors ?? []) fields[e.field === 'asKnownOn' ? 'knownOnDate' : e.field] = e.field === 'from' && /after/.test(e.reason) ? t('report.error.toBeforeFrom') : t('problem.field.date');
    form.refuse({ summary: problemMessage(apiProblem, t, date), fields });
  }, [apiProblem]);
  const fields = problem?.fields ?? {};
  const hasFieldProblems = Object.keys(fields).length > 0;

  const field = (name: keyof ReportSearch, type: 'date' | 'time') => (
    <ChoiceInput
      id={fieldId(name)}
      name={name}
      type={type}
      label={t(`report.field.${name}` as MessageId, { zone: zone ?? '' })}
      hint={t(`report.field.${name}.hint` as MessageId, { zone: zone ?? '' })}
      message={fields[name]}
      value={draft[name]}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
    />
  );

  return (
    <>
      <PageHeading title={`${t('report.title')} ${projectId}`}>
        {t('report.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t('report.intro')}</p>
      <ul className="plain-list report-links">
        <li>
          <Link to={`${path}/compare${writeCompareSearch({ from: chosen.from, to: chosen.to, aDate: chosen.knownOnDate, aTime: chosen.knownOnTime, bDate: '', bTime: '', all: false })}`}>{t('report.compareLink')}</Link>
        </li>
        {mayCompareSubmitted(role) && (
          <li>
            <Link to={submittedReportsPath(projectId)}>{t('report.submittedLink')}</Link>
          </li>
        )}
      </ul>
      {project === 'failed' && (
        <p role="alert" className="error-message">
          {t('report.projectFailed')}
        </p>
      )}
      {problem && <ErrorSummary ref={form.summaryRef} fieldId={fieldId} title={t('report.errors.title')} problem={problem} />}
      <form className="report-choices" onSubmit={form.submit} noValidate aria-label={t('report.choices')}>
        <fieldset className="field">
          <legend>{t('report.period')}</legend>
          <div className="report-fields">
            {field('from', 'date')}
            {field('to', 'date')}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('report.asKnownOn')}</legend>
          <p className="hint">{t('report.asKnownOn.hint')}</p>
          <div className="report-fields">
            {field('knownOnDate', 'date')}
            {field('knownOnTime', 'time')}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('report.show')}
          </button>
        </div>
      </form>

      {(isLoading(answer) || project === null) && <BusyState since={isLoading(answer) ? answer.since : openedAt} label={t('report.loading')} slowLabel={t('report.loading.slow')} />}
      {answer === 'failed' && !hasFieldProblems && (
        <p role="alert" className="error-message">
          {t('app.error')}
        </p>
      )}
      {typeof answer === 'object' && 'data' in answer && zone && (
        <ReportFigures loaded={{ report: answer.data, askedAt: new Date(answer.askedAt).toISOString() }} zone={zone} choices={chosen} projectId={projectId} number={number} date={date} drill={mayDrillDown(role) ? search : null} />
      )}
    </>
  );
}

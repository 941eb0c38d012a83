import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { api, SessionUser } from '../api/client';
import type { components } from '../api/schema';
import { isLoading, useAnswer } from '../api/use-answer';
import { AnswerState } from '../app/AnswerState';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { DigestCheck } from '../funding/DigestCheck';
import { differsText, digestHex, SubmittedReports } from '../funding/funding-api';
import { Comparison, ComparedFigures } from './ComparedFigures';
import { mayOpenPathway } from './ComparePage';

type SubmittedComparison = Comparison & { submittedReport: components['schemas']['SubmittedReportRefDto'] };

/** Who may compare a submitted report with now: the API's `reports.read` and `indicators.compare` both (evaluators, admins). */
export const mayCompareSubmitted = (role: SessionUser['role']): boolean => role === 'evaluator' || role === 'admin';

/** The screen's address; with `reportId`, that report's comparison with now opened (`all`: unchanged figures too). */
export function submittedReportsPath(projectId: string, reportId?: string, all = false): string {
  const query = new URLSearchParams();
  if (reportId) query.set('report', reportId);
  if (all) query.set('all', '1');
  return `/projects/${encodeURIComponent(projectId)}/report/submitted${query.size ? `?${query}` : ''}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A submitted report against what is known now, for evaluators and admins
 * (`/projects/{id}/report/submitted?report=<reportId>`): the project's submitted reports
 * (`GET …/reports`: period, cut-off, SHA-256, the submitter's role, newest first) and, for the one
 * chosen, `GET …/reports/{reportId}/comparison`: the report as known on its cut-off beside the
 * same period as known now, each changed figure with the events recorded since that explain it,
 * shown by the Compare screen's own table (ComparedFigures), and whether the submitted side
 * reproduces the digest recorded. Funders keep their suppressed "differs now" (FundingPages).
 */
export function SubmittedReportsPage({ projectId, role }: { projectId: string; role: SessionUser['role'] }) {
  const t = useT();
  const intl = useIntl();
  const { search, navigate } = useNavigation();
  const params = new URLSearchParams(search);
  const reportId = UUID.test(params.get('report') ?? '') ? params.get('report')! : null;
  const all = params.get('all') === '1';
  const allowed = mayCompareSubmitted(role);
  const list = useAnswer<SubmittedReports>(allowed ? projectId : null, (signal) => api.GET('/api/v1/projects/{projectId}/reports', { params: { path: { projectId } }, signal }));
  const compared = useAnswer<SubmittedComparison>(allowed && reportId ? `${projectId} ${reportId}` : null, (signal) =>
    api.GET('/api/v1/projects/{projectId}/reports/{reportId}/comparison', { params: { path: { projectId, reportId: reportId! } }, signal }),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Once a report's comparison has come, the focus goes to its heading: the keyboard user is taken there.
  const arrived = typeof compared === 'object' && 'data' in compared ? compared.data.submittedReport.reportId : null;
  useEffect(() => {
    if (arrived) headingRef.current?.focus();
  }, [arrived]);

  const title = `${t('submitted.title')} ${projectId}`;
  if (!allowed) return <PageHeading title={t('submitted.forbidden')}>{t('submitted.forbidden')}</PageHeading>;
  const reports = typeof list === 'object' && 'data' in list ? list.data : null;
  const zone = reports?.project.timeZone ?? 'UTC';
  // Instants are shown in the project's zone, as on the Report and Compare screens.
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium', timeZone: zone });
  const period = (p: { from: string | null; to: string }) => (p.from ? t('funding.period', { from: date(p.from), to: date(p.to) }) : t('funding.periodSinceStart', { to: date(p.to) }));
  const chosen = reports?.reports.find((r) => r.reportId === reportId);

  return (
    <>
      <PageHeading title={title}>
        {t('submitted.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t('submitted.intro')}</p>
      <p>
        <Link to={`/projects/${encodeURIComponent(projectId)}/report`}>{t('submitted.back')}</Link>
      </p>
      <AnswerState answer={list} loading={t('submitted.loading')} />
      {reports && reports.reports.length === 0 && <p className="notice">{t('submitted.none')}</p>}
      {reports && reports.reports.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="submitted-caption" tabIndex={0}>
          <table className="submitted-list">
            <caption id="submitted-caption">{t('submitted.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('submitted.column.submittedAt')}</th>
                <th scope="col">{t('submitted.column.action')}</th>
                <th scope="col">{t('submitted.column.period')}</th>
                <th scope="col">{t('submitted.column.cutOff')}</th>
                <th scope="col">{t('submitted.column.by')}</th>
                <th scope="col">{t('submitted.column.digest')}</th>
                <th scope="col">{t('submitted.column.differs')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.reports.map((r) => (
                <tr key={r.reportId} className={r.reportId === reportId ? 'chosen' : undefined}>
                  <th scope="row">{instant(r.submittedAt)}</th>
                  {/* Second, so a narrow screen shows it without scrolling the table. */}
                  <td>
                    <Link to={submittedReportsPath(projectId, r.reportId)} current={r.reportId === reportId} label={t('submitted.compare.label', { when: instant(r.submittedAt) })}>
                      {t('submitted.compare')}
                    </Link>
                  </td>
                  <td>{period(r.period)}</td>
                  <td>{r.asKnownOn ? instant(r.asKnownOn) : '–'}</td>
                  <td>{t(`role.${r.submittedByRole}` as MessageId)}</td>
                  <td>
                    <code className="digest">{digestHex(r.digest)}</code>
                  </td>
                  <td>{differsText(t, r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {reportId && (
        <section aria-labelledby="submitted-comparison-title" className="submitted-comparison" aria-busy={isLoading(compared)}>
          <h2 id="submitted-comparison-title" tabIndex={-1} ref={headingRef}>
            {chosen ? t('submitted.comparison.title', { when: instant(chosen.submittedAt) }) : t('submitted.comparison.titleUnnamed')}
          </h2>
          <AnswerState answer={compared} loading={t('submitted.comparing')} />
          {typeof compared === 'object' && 'data' in compared && reports && (
            <>
              <dl className="facts">
                <dt>{t('submitted.comparison.by')}</dt>
                <dd>
                  <span className="code">{compared.data.submittedReport.submittedBy}</span>
                  {chosen ? ` (${t(`role.${chosen.submittedByRole}` as MessageId)})` : ''}
                </dd>
                <dt>{t('submitted.column.digest')}</dt>
                <dd>
                  <code className="digest">{digestHex(compared.data.submittedReport.digest)}</code>
                </dd>
              </dl>
              <DigestCheck />
              <p className="notice">{t(compared.data.submittedReport.digestReproduced ? 'submitted.reproduced' : 'submitted.notReproduced')}</p>
              <ComparedFigures
                comparison={compared.data}
                zone={zone}
                showAll={all}
                onShowAll={(next) => navigate(submittedReportsPath(projectId, reportId, next))}
                linkParticipants={mayOpenPathway(role)}
                sides="submitted"
              />
            </>
          )}
        </section>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { FigureName } from '../reports/FigureName';
import { useSession } from '../session/session';
import { DigestCheck } from './DigestCheck';
import { differsText, digestHex, EXPORT_FORMATS, ExportedFile, ExportRow, fetchExport, PeriodChoice, Published, SubmittedReports } from './funding-api';

type Loaded<T> = T | 'loading' | 'failed' | 'forbidden';

/** `GET /api/v1/projects/{id}/reports`: the project's name and dates, the periods to download, the submitted reports. */
function useSubmittedReports(projectId: string): Loaded<SubmittedReports> {
  const { expired } = useSession();
  const [reports, setReports] = useState<Loaded<SubmittedReports>>('loading');
  useEffect(() => {
    setReports('loading');
    void api.GET('/api/v1/projects/{projectId}/reports', { params: { path: { projectId } } }).then(({ data, response }) => {
      if (response.status === 401) return expired();
      setReports(response.ok && data ? data : response.status === 403 || response.status === 404 ? 'forbidden' : 'failed');
    });
  }, [projectId, expired]);
  return reports;
}

/** A funder's start: the projects they fund (from their session), each opening its figures and reports. */
export function FundingLandingPage() {
  const t = useT();
  const { state } = useSession();
  const projects = state.status === 'signedIn' ? state.user.projects : [];
  return (
    <>
      <PageHeading title={t('funding.title')}>{t('funding.title')}</PageHeading>
      <p>{t('funding.intro')}</p>
      {projects.length === 0 ? (
        <p>{t('projects.none')}</p>
      ) : (
        <ul className="cards">
          {projects.map((projectId) => (
            <FundedProjectCard key={projectId} projectId={projectId} />
          ))}
        </ul>
      )}
    </>
  );
}

function FundedProjectCard({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const reports = useSubmittedReports(projectId);
  const named = typeof reports === 'object' ? `${reports.project.name} (${projectId})` : projectId;
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <li className="card">
      <Link to={`/funding/${encodeURIComponent(projectId)}`}>{named}</Link>
      {typeof reports === 'object' && (
        <p className="muted">
          {t('projects.period', { start: date(reports.project.startDate), end: date(reports.project.endDate) })}
          <br />
          {t('funding.reportsSubmitted', { count: reports.reports.length })}
        </p>
      )}
    </li>
  );
}

const BREAKDOWNS = ['women', 'men', 'non-binary', 'not-disclosed', 'data-missing', 'total'] as const;

/**
 * One funded project: its suppressed figures for a reporting period the funder may ask for, the
 * files to download with their SHA-256 and how to check it, and the reports submitted with
 * whether the figures known now differ (counts only, suppressed on the server).
 */
export function FundedProjectPage({ projectId }: { projectId: string }) {
  const t = useT();
  const reports = useSubmittedReports(projectId);
  const title = typeof reports === 'object' ? t('funding.projectTitle', { name: reports.project.name }) : t('funding.title');
  return (
    <>
      <p>
        <Link to="/funding">{t('funding.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {reports === 'loading' ? (
        <p role="status">{t('app.loading')}</p>
      ) : reports === 'forbidden' ? (
        <p role="alert">{t('funding.forbidden')}</p>
      ) : reports === 'failed' ? (
        <p role="alert">{t('app.error')}</p>
      ) : (
        <>
          <Figures projectId={projectId} reports={reports} />
          <Submitted reports={reports} />
        </>
      )}
    </>
  );
}

function usePublished() {
  const t = useT();
  const intl = useIntl();
  return (value: Published) => (value === null ? '–' : value === 'suppressed' ? t('funding.suppressed') : intl.formatNumber(value));
}

function periodText(t: ReturnType<typeof useT>, formatDate: (iso: string) => string, period: { from: string | null; to: string }) {
  return period.from ? t('funding.period', { from: formatDate(period.from), to: formatDate(period.to) }) : t('funding.periodSinceStart', { to: formatDate(period.to) });
}

function Figures({ projectId, reports }: { projectId: string; reports: SubmittedReports }) {
  const t = useT();
  const intl = useIntl();
  const published = usePublished();
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const periods = reports.reportingPeriods;
  const [chosen, setChosen] = useState(0);
  const [files, setFiles] = useState<Loaded<ExportedFile[]>>('loading');
  const period: PeriodChoice | undefined = periods[chosen];
  useEffect(() => {
    if (!period) return;
    let live = true;
    setFiles('loading');
    void Promise.all(EXPORT_FORMATS.map((format) => fetchExport(projectId, period, format))).then((answers) => {
      if (!live) return;
      const failed = answers.find((a): a is number => typeof a === 'number');
      setFiles(failed === undefined ? (answers as ExportedFile[]) : failed === 403 ? 'forbidden' : 'failed');
    });
    return () => {
      live = false;
    };
  }, [projectId, period]);
  useEffect(() => () => {
    if (typeof files === 'object') files.forEach((file) => URL.revokeObjectURL(file.url));
  }, [files]);

  if (!period) {
    return (
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('funding.figures')}</h2>
        <p>{t('funding.noPeriod')}</p>
      </section>
    );
  }
  const rows = typeof files === 'object' ? files.find((f) => f.format === 'json')?.rows ?? [] : [];
  const indicators = new Map<string, Map<string, ExportRow>>();
  for (const row of rows.filter((r) => r.kind !== 'rate')) {
    const entry = indicators.get(row.code) ?? new Map<string, ExportRow>();
    entry.set(row.breakdown, row);
    indicators.set(row.code, entry);
  }
  const rates = rows.filter((r) => r.kind === 'rate' && r.breakdown === 'total');
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('funding.figures')}</h2>
      <div className="field">
        <label htmlFor="funding-period">{t('funding.choosePeriod')}</label>
        <select id="funding-period" value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
          {periods.map((p, i) => (
            <option key={`${p.kind}-${p.from}-${p.to}`} value={i}>
              {`${t(`funding.kind.${p.kind}` as MessageId)}: ${periodText(t, date, p)}`}
            </option>
          ))}
        </select>
      </div>
      <p className="notice">{t('funding.asKnownOn', { date: date(period.asKnownOn), largest: reports.suppressionThreshold - 1 })}</p>
      {files === 'loading' ? (
        <p role="status">{t('app.loading')}</p>
      ) : files === 'forbidden' ? (
        <p role="alert">{t('funding.forbidden')}</p>
      ) : files === 'failed' ? (
        <p role="alert">{t('app.error')}</p>
      ) : (
        <>
          <h3 id="downloads-heading">{t('funding.downloads')}</h3>
          <ul className="downloads" aria-labelledby="downloads-heading">
            {files.map((file) => (
              <li key={file.format}>
                <a href={file.url} download={file.fileName} className="button small">
                  {t(`funding.format.${file.format}` as MessageId)}
                </a>{' '}
                <span className="muted">{file.fileName}</span>
                <br />
                <span>{t('funding.sha256')} </span>
                <code className="digest">{file.sha256}</code>
              </li>
            ))}
          </ul>
          <DigestCheck fileName={files[0]!.fileName} />
          <h3 id="esf-heading">{t('funding.esfTable')}</h3>
          <div className="table-scroll" role="region" aria-labelledby="esf-heading" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('funding.indicator')}</th>
                  {BREAKDOWNS.map((b) => (
                    <th key={b} scope="col" className="num">
                      {t(`funding.breakdown.${b}` as MessageId)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...indicators].map(([code, cells]) => (
                  <tr key={code}>
                    <th scope="row">
                      <FigureName code={code} />
                    </th>
                    {BREAKDOWNS.map((b) => (
                      <td key={b} className="num">
                        {published(cells.get(b)?.value ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 id="rates-heading">{t('funding.rates')}</h3>
          <div className="table-scroll" role="region" aria-labelledby="rates-heading" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('funding.rate')}</th>
                  <th scope="col" className="num">{t('funding.value')}</th>
                  <th scope="col" className="num">{t('funding.numerator')}</th>
                  <th scope="col" className="num">{t('funding.denominator')}</th>
                </tr>
              </thead>
              <tbody>
                {rates.map((rate) => (
                  <tr key={rate.code}>
                    <th scope="row">
                      <FigureName code={rate.code} />
                    </th>
                    <td className="num">{typeof rate.value === 'number' ? intl.formatNumber(rate.value, { maximumFractionDigits: 4 }) : published(rate.value)}</td>
                    <td className="num">{published(rate.numerator)}</td>
                    <td className="num">{published(rate.denominator)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Submitted({ reports }: { reports: SubmittedReports }) {
  const t = useT();
  const intl = useIntl();
  const published = usePublished();
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const instant = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: reports.project.timeZone });
  return (
    <section aria-labelledby="submitted-heading">
      <h2 id="submitted-heading">{t('funding.submitted')}</h2>
      <p>{t('funding.submittedIntro', { now: date(reports.comparedAsKnownOn) })}</p>
      {reports.reports.length === 0 ? (
        <p>{t('funding.noneSubmitted')}</p>
      ) : (
        <ul className="submitted-reports">
          {reports.reports.map((report, i) => (
            <li key={report.reportId} className="card">
              <h3 id={`report-${i}`}>{t('funding.reportHeading', { when: instant(report.submittedAt) })}</h3>
              <dl className="facts">
                <dt>{t('funding.reportPeriod')}</dt>
                <dd>{periodText(t, date, report.period)}</dd>
                <dt>{t('funding.cutOff')}</dt>
                <dd>{report.asKnownOn ? instant(report.asKnownOn) : '–'}</dd>
                <dt>{t('funding.submittedBy')}</dt>
                <dd>{t(`role.${report.submittedByRole}` as MessageId)}</dd>
                <dt>{t('funding.sha256')}</dt>
                <dd>
                  <code className="digest">{digestHex(report.digest)}</code>
                </dd>
                <dt>{t('funding.differsNow')}</dt>
                <dd>
                  <strong>{differsText(t, report)}</strong>
                </dd>
              </dl>
              {report.differsNow && (
                <details className="changes">
                  <summary>{t('funding.showChanges', { count: report.changes.length })}</summary>
                  <div className="table-scroll" role="region" aria-labelledby={`changes-${i}`} tabIndex={0}>
                    <table>
                      <caption id={`changes-${i}`}>{t('funding.changes', { count: report.changes.length })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('funding.indicator')}</th>
                          <th scope="col">{t('funding.breakdownColumn')}</th>
                          <th scope="col" className="num">{t('funding.then')}</th>
                          <th scope="col" className="num">{t('funding.now')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {report.changes.map((change) => (
                          <tr key={`${change.code}-${change.breakdown}-${change.part}`}>
                            <th scope="row">
                              <FigureName code={change.code} />
                              {change.part !== 'value' && ` (${t(`funding.${change.part}` as MessageId)})`}
                            </th>
                            <td>{t(`funding.breakdown.${change.breakdown}` as MessageId)}</td>
                            <td className="num">{published(change.then as Published)}</td>
                            <td className="num">{published(change.now as Published)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}


import { ChangeEvent, DragEvent, FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, Problem } from '../api/client';
import { problemMessage, problemOf } from '../api/problems';
import type { components } from '../api/schema';
import { PageHeading } from '../app/page-heading';
import { MessageId } from '../i18n/messages.en';
import { useLocale } from '../i18n/locale';
import { useT } from '../i18n/t';
import { JobProgress, pollJob } from '../projections/job-progress';
import { useSession } from '../session/session';
import { contentTypeOf, refusalMessageId, shownProblems, PROBLEMS_SHOWN } from './import-report';

type Report = components['schemas']['ImportReportDto'];
type Job = components['schemas']['ImportJobDto'];
type State =
  | { step: 'choose' }
  | { step: 'checking' | 'importing'; report?: Report; job?: Job }
  | { step: 'checked'; report: Report; jobId: string }
  | { step: 'committed'; report: Report; jobId: string }
  | { step: 'refused'; problem: Problem };

/**
 * Import from the project's spreadsheet (`POST /api/v1/projects/{id}/imports`, the project's
 * caseworkers and admins): the template to download, a file to choose (or drop), the dry run's
 * report (participant and, with a milestone sheet or CSV, milestone counts, and every problem by
 * sheet, row, column and reason in the user's language: the API sends codes and params, never a
 * cell's content, and this page shows nothing else), then "Import N participants (and M
 * milestones)" sends the same file with `dryRun=false` and shows what was written.
 * Each upload starts a job on the API, polled (`GET …/imports/{jobId}`) for a progress bar of
 * rows; its start is announced politely (the bar is not, tick by tick). The problems can be
 * downloaded as an XLSX in the page's language. Importing the same file again writes nothing
 * and says so. The report's heading takes focus when it appears, so a screen reader hears it.
 */
export function ImportPage({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const { locale } = useLocale();
  const stopPolling = useRef<() => void>(() => undefined);
  useEffect(() => () => stopPolling.current(), []);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'choose' });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.step === 'checked' || state.step === 'committed' || state.step === 'refused') resultRef.current?.focus();
  }, [state]);

  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });
  const number = (n: number) => intl.formatNumber(n);

  function choose(chosen: File | null) {
    // Another file: the answer of the last one's job is no longer wanted.
    stopPolling.current();
    setFile(chosen);
    setState({ step: 'choose' });
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    const step = dryRun ? 'checking' : 'importing';
    setState((s) => ({ step, report: 'report' in s ? s.report : undefined }));
    const failed = () => setState({ step: 'refused', problem: { status: 0, code: 'HTTP.0', title: '' } });
    try {
      const { data, error, response } = await api.POST('/api/v1/projects/{projectId}/imports', {
        params: { path: { projectId }, query: { dryRun: dryRun ? 'true' : 'false' } },
        body: file as never,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'Content-Type': contentTypeOf(file.name) },
      });
      if (response.status === 401) return expired();
      if (!response.ok || !data) return setState({ step: 'refused', problem: problemOf(error, response) });
      stopPolling.current();
      stopPolling.current = pollJob<Job>(
        async () => {
          const { data: job, response: polled } = await api.GET('/api/v1/projects/{projectId}/imports/{jobId}', { params: { path: { projectId, jobId: data.jobId } } });
          if (polled.status === 401) expired();
          return job ?? null;
        },
        (job) => {
          if (job.status === 'running') return setState((s) => ({ step, report: 'report' in s ? s.report : undefined, job }));
          if (job.report) return setState({ step: dryRun ? 'checked' : 'committed', report: job.report, jobId: job.jobId });
          setState({ step: 'refused', problem: { status: 422, code: job.problem?.code ?? 'IMPORT.FAILED', title: job.problem?.title ?? '', ...(job.problem?.params ? { params: job.problem.params } : {}) } });
        },
        failed,
        500,
      );
    } catch {
      failed();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      inputRef.current?.focus();
      return;
    }
    void send(true);
  }

  const busy = state.step === 'checking' || state.step === 'importing';
  const report = 'report' in state ? state.report : undefined;

  return (
    <>
      <PageHeading title={`${t('import.title')} ${projectId}`}>
        {t('import.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t('import.intro')}</p>
      <p>
        <a href="/api/v1/imports/template" download="pathway-import.xlsx">
          {t('import.template')}
        </a>
      </p>
      <form noValidate onSubmit={submit} className="import-form">
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e: DragEvent) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e: DragEvent) => {
            e.preventDefault();
            setDragging(false);
            const dropped = e.dataTransfer.files[0];
            if (dropped) choose(dropped);
          }}
        >
          <label htmlFor="import-file">{t('import.file')}</label>
          <p id="import-file-hint" className="hint">
            {t('import.file.hint')}
          </p>
          <input
            ref={inputRef}
            id="import-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            disabled={busy}
            onChange={(e: ChangeEvent<HTMLInputElement>) => choose(e.target.files?.[0] ?? null)}
          />
          {file && (
            <p className="muted" aria-live="polite">
              {t('import.file.chosen', { name: file.name, size: number(Math.max(1, Math.round(file.size / 1024))) })}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy} aria-disabled={busy}>
          {t('import.check')}
        </button>
      </form>
      <p role="status" className="muted">
        {busy ? t(state.step === 'checking' ? 'import.checking' : 'import.importing') : ''}
      </p>
      {busy && (
        <JobProgress
          id="import-progress"
          label={t('import.progress.label')}
          counts={{ processed: state.job?.rowsDone ?? 0, total: state.job?.rowsTotal ?? 0 }}
          words={{ of: 'import.progress.of', starting: 'import.progress.reading' }}
        />
      )}
      {state.step === 'refused' && (
        <section aria-labelledby="import-result" className="error-message">
          <h2 id="import-result" tabIndex={-1} ref={resultRef}>
            {t('import.refused.title')}
          </h2>
          <p>{refusalText(state.problem)}</p>
        </section>
      )}
      {report && state.step !== 'refused' && (
        <ReportView
          report={report}
          committed={state.step === 'committed'}
          problemsHref={'jobId' in state ? `/api/v1/projects/${encodeURIComponent(projectId)}/imports/${state.jobId}/problems?lang=${locale}` : undefined}
          busy={busy}
          headingRef={resultRef}
          onCommit={() => void send(false)}
          date={date}
          number={number}
        />
      )}
    </>
  );

  function refusalText(problem: Problem): string {
    const id = refusalMessageId(problem);
    if (id) return t(id);
    if (problem.status === 0) return t('app.error');
    return problemMessage(problem, t, date);
  }
}

/** The dry run's report with the button that commits it, or the commit's result. */
function ReportView({
  report,
  committed,
  problemsHref,
  busy,
  headingRef,
  onCommit,
  date,
  number,
}: {
  report: Report;
  committed: boolean;
  /** The problems as an XLSX in the page's language (absent while a new job runs). */
  problemsHref: string | undefined;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onCommit: () => void;
  date: (iso: string) => string;
  number: (n: number) => string;
}) {
  const t = useT();
  const { counts, milestoneCounts } = report;
  const shown = shownProblems(report.problems);
  // An XLSX numbers the rows of each sheet on its own: a row number alone would be ambiguous.
  const bySheet = report.problems.some((p) => p.sheet !== undefined);
  const hasMilestones = report.milestoneRowsRead > 0;
  const hasParticipants = report.rowsRead > 0 || !hasMilestones;
  const participantCounts = countedOf(committed ? ['import.count.enrolled', counts.enrolled] : ['import.count.new', counts.new], counts);
  const milestoneCounted = countedOf(committed ? ['import.count.recorded', milestoneCounts.recorded] : ['import.count.new', milestoneCounts.new], milestoneCounts);
  const sentences = committed
    ? [
        counts.enrolled > 0 && t('import.committed.summary', { count: counts.enrolled }),
        milestoneCounts.recorded > 0 && t('import.committed.milestones', { count: milestoneCounts.recorded }),
        counts.enrolled + milestoneCounts.recorded === 0 && t('import.committed.nothing'),
      ]
    : [
        // With milestones, "nothing new" about the participants alone would read as the file's whole answer.
        hasParticipants &&
          (counts.new > 0 || hasMilestones ? t('import.checked.summary', { count: counts.new, rows: report.rowsRead }) : t('import.checked.nothingNew', { rows: report.rowsRead })),
        hasMilestones && t('import.checked.milestones', { count: milestoneCounts.new, rows: report.milestoneRowsRead }),
      ];
  const summary = sentences.filter(Boolean).join(' ');
  const toWrite = counts.new + milestoneCounts.new;
  const facts = (counted: Array<[MessageId, number]>) => (
    <dl className="facts">
      {counted.map(([id, value]) => (
        <div key={id} className="fact">
          <dt>{t(id)}</dt>
          <dd>{number(value)}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <section aria-labelledby="import-result" className="import-report">
      <h2 id="import-result" tabIndex={-1} ref={headingRef}>
        {t(committed ? 'import.committed.title' : 'import.checked.title')}
      </h2>
      <p className={committed ? 'notice' : undefined}>{summary}</p>
      {hasMilestones ? (
        <>
          {hasParticipants && (
            <>
              <h3>{t('import.counts.participants')}</h3>
              {facts(participantCounts)}
            </>
          )}
          <h3>{t('import.counts.milestones')}</h3>
          {facts(milestoneCounted)}
        </>
      ) : (
        facts(participantCounts)
      )}
      {!committed && toWrite > 0 && (
        <div className="actions">
          <button type="button" className="button primary" disabled={busy} aria-disabled={busy} onClick={onCommit}>
            {milestoneCounts.new > 0 ? t('import.commit.withMilestones', { count: counts.new, milestones: milestoneCounts.new }) : t('import.commit', { count: counts.new })}
          </button>
        </div>
      )}
      {report.problems.length > 0 && (
        <>
          <h3 id="import-problems">{t('import.problems.title', { count: report.problems.length })}</h3>
          {problemsHref && (
            <p>
              <a href={problemsHref} download>
                {t('import.problems.download')}
              </a>
            </p>
          )}
          {shown.length < report.problems.length && <p className="hint">{t('import.problems.truncated', { shown: PROBLEMS_SHOWN, count: report.problems.length })}</p>}
          <div className="table-scroll" role="region" aria-labelledby="import-problems" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {bySheet && <th scope="col">{t('import.problemsFile.sheetColumn')}</th>}
                  <th scope="col">{t('import.problems.row')}</th>
                  <th scope="col">{t('import.problems.column')}</th>
                  <th scope="col">{t('import.problems.severity')}</th>
                  <th scope="col">{t('import.problems.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((problem, index) => (
                  <tr key={index}>
                    {bySheet && <td className="wrap">{problem.sheet ?? '–'}</td>}
                    <th scope="row">{problem.row === null ? t('import.problems.wholeFile') : number(problem.row)}</th>
                    <td className="wrap">{problem.column ?? '–'}</td>
                    <td>{t(problem.severity === 'error' ? 'import.problems.error' : 'import.problems.warning')}</td>
                    <td className="wrap reason">{problemMessage(problem, t, date)}</td>
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

/** A sheet's counts as the report lists them: what was (or would be) written first, then the rest. */
function countedOf(first: [MessageId, number], counts: { unchanged: number; conflict: number; invalid: number }): Array<[MessageId, number]> {
  return [first, ['import.count.unchanged', counts.unchanged], ['import.count.conflict', counts.conflict], ['import.count.invalid', counts.invalid]];
}

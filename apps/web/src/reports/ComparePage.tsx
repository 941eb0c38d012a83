import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary, SessionUser } from '../api/client';
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
import { Comparison, ComparedFigures } from './ComparedFigures';
import { CompareSearch, compareSearchProblems, readCompareSearch, sideParam, writeCompareSearch } from './compare-search';

const FIELD_ID: Record<string, string> = { from: 'compare-from', to: 'compare-to', aDate: 'compare-a-date', asKnownOnA: 'compare-a-date', aTime: 'compare-a-time', bDate: 'compare-b-date', asKnownOnB: 'compare-b-date', bTime: 'compare-b-time' };
const fieldId = (name: string) => FIELD_ID[name] ?? `compare-${name}`;
const CHOICES = { read: readCompareSearch, write: writeCompareSearch, problems: compareSearchProblems, errors: 'compare.error' } as const;

/** Who may open a participant's pathway (the API's `participants.read`): the explanation links there for them. */
export const mayOpenPathway = (role: SessionUser['role']): boolean => role === 'caseworker' || role === 'evaluator';

/**
 * Compare two days (`/projects/{id}/report/compare`): the indicator report of one period as known
 * on A and on B side by side, with the difference, changed figures marked in words (not colour
 * alone), and under each the events recorded between A and B that explain it: pseudonymous
 * participant, event type, occurred on, recorded at, by whom. Choices live in the URL. Only
 * changed figures by default; "show all figures" adds the unchanged. The API computes it all;
 * new choices abort the comparison still under way (see ReportPage).
 */
export function ComparePage({ projectId, role }: { projectId: string; role: SessionUser['role'] }) {
  const t = useT();
  const intl = useIntl();
  const { search, path, navigate } = useNavigation();
  const { expired } = useSession();
  const chosen = readCompareSearch(search);
  const chosenKey = writeCompareSearch(chosen);
  const form = useChoicesForm<CompareSearch>(chosenKey, CHOICES);
  const { draft, setDraft, problem } = form;
  const [zone, setZone] = useState<string | 'failed' | null>(null);

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
  // The toggle does not ask the API again: it only shows more of the same answer.
  const askedKey = writeCompareSearch({ ...chosen, all: false });
  const nothingChosen = !chosen.aDate && !chosen.aTime;
  // A link with no day A asks for one in words (compare.chooseA), but a malformed value in it is still named at its field.
  const found = form.check(chosen);
  const { aDate: _noDayA, ...otherProblems } = found ?? {};
  const linkProblems = !nothingChosen ? found : Object.keys(otherProblems).length > 0 ? otherProblems : null;
  const answer = useAnswer<Comparison>(!ready || nothingChosen || linkProblems ? null : `${projectId} ${zone} ${askedKey}`, (signal) => {
    const b = sideParam(chosen.bDate, chosen.bTime, zone!);
    const query = { ...(chosen.from ? { from: chosen.from } : {}), ...(chosen.to ? { to: chosen.to } : {}), asKnownOnA: sideParam(chosen.aDate, chosen.aTime, zone!)!, ...(b ? { asKnownOnB: b } : {}) };
    return api.GET('/api/v1/projects/{projectId}/indicators/comparison', { params: { path: { projectId }, query }, signal });
  });

  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const apiProblem = typeof answer === 'object' && 'problem' in answer ? answer.problem : null;
  useEffect(() => {
    if (ready && linkProblems) form.refuse({ summary: '', fields: linkProblems }, { focus: false });
  }, [ready, askedKey]);
  useEffect(() => {
    if (!apiProblem) return;
    const fields: Record<string, string> = {};
    for (const e of apiProblem.errors ?? []) {
      const name = e.field === 'asKnownOnA' ? 'aDate' : e.field === 'asKnownOnB' ? 'bDate' : e.field;
      fields[name] = apiProblem.code === 'REPORT.AS_KNOWN_ON_IN_FUTURE' ? t('compare.error.inFuture') : /after asKnownOnB/.test(e.reason) ? t('compare.error.bBeforeA') : t('problem.field.date');
    }
    form.refuse({ summary: problemMessage(apiProblem, t, date), fields });
  }, [apiProblem]);
  const fields = problem?.fields ?? {};
  const hasFieldProblems = Object.keys(fields).length > 0;

  const field = (name: 'from' | 'to' | 'aDate' | 'aTime' | 'bDate' | 'bTime', type: 'date' | 'time') => (
    <ChoiceInput
      id={fieldId(name)}
      name={name}
      type={type}
      label={t(`compare.field.${name}` as MessageId, { zone: ready ? zone : '' })}
      message={fields[name]}
      value={draft[name]}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
    />
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
      {problem && <ErrorSummary ref={form.summaryRef} fieldId={fieldId} title={t('report.errors.title')} problem={problem} />}
      <form className="report-choices" onSubmit={form.submit} noValidate aria-label={t('compare.choices')}>
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

      {isLoading(answer) && <BusyState since={answer.since} label={t('compare.loading')} slowLabel={t('report.loading.slow')} />}
      {answer === 'failed' && !hasFieldProblems && (
        <p role="alert" className="error-message">
          {t('app.error')}
        </p>
      )}
      {answer === 'idle' && ready && nothingChosen && <p className="notice">{t('compare.chooseA')}</p>}
      {typeof answer === 'object' && 'data' in answer && ready && (
        <ComparedFigures
          comparison={answer.data}
          zone={zone}
          showAll={chosen.all}
          onShowAll={(all) => navigate(`${path}${writeCompareSearch({ ...chosen, all })}`)}
          linkParticipants={mayOpenPathway(role)}
        />
      )}
    </>
  );
}

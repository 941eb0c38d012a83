import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import type { components } from '../api/schema';
import { problemOf } from '../api/problems';
import { AdminTextField } from '../admin/admin-fields';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { labelledInOrder, useFormProblem } from '../app/use-form-problem';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, FieldMessage, SubmitButton } from '../participants/form-parts';
import { useSession } from '../session/session';
import { usePassedRetention } from './retention-api';

type Current = components['schemas']['ProjectRetentionDto'] | 'none' | 'loading' | 'failed' | null;

/** The form's fields, in its order: the request body's names (RetentionDto), and the project. */
const FIELDS = ['projectId', 'retentionEnd', 'lastPaymentOn', 'basis'] as const;
type Field = (typeof FIELDS)[number];
const DATE_FIELDS: ReadonlySet<string> = new Set(['retentionEnd', 'lastPaymentOn']);
const fieldId = (name: string) => `retention-${name}`;

/**
 * Retention, for admins: the projects whose retention end has passed (`GET /admin/retention`),
 * with how many participants still hold personal data, and a form to set or move a project's
 * retention end (`PUT /projects/{id}/retention`): a date, or the last payment for the ESF+ rule
 * (31 December five years after the year of the last payment, Regulation (EU) 2021/1060,
 * Article 82), with its legal basis. Erasure itself is not done here: an operator runs
 * `pathway retention` (the page says so); the API offers no erase-all call.
 */
export function RetentionPage() {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const { passed, reload } = usePassedRetention();
  const [projects, setProjects] = useState<ProjectSummary[] | 'loading' | 'failed'>('loading');
  // The legal basis of the ESF+ rule, in the user's language, unless the admin writes another.
  const [values, setValues] = useState<Record<Field, string>>(() => ({ projectId: '', retentionEnd: '', lastPaymentOn: '', basis: t('retention.basis.default') }));
  const [current, setCurrent] = useState<Current>(null);
  const { problem, refuse, clear, describe, send, busy: sending, summaryRef } = useFormProblem({ failed: 'app.error' });
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  useEffect(() => {
    void api.GET('/api/v1/projects').then(({ data, response }) => {
      if (response.status === 401) return expired();
      setProjects(response.ok ? (data as unknown as ProjectSummary[]) : 'failed');
    }, () => setProjects('failed'));
  }, [expired]);

  const loadCurrent = async (projectId: string) => {
    if (!projectId) return setCurrent(null);
    setCurrent('loading');
    try {
      const { data, response } = await api.GET('/api/v1/projects/{projectId}/retention', { params: { path: { projectId } } });
      if (response.status === 401) return expired();
      setCurrent(response.ok && data ? data : response.status === 404 ? 'none' : 'failed');
    } catch {
      setCurrent('failed');
    }
  };

  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const choose = (projectId: string) => {
    set('projectId')(projectId);
    clear();
    void loadCurrent(projectId);
  };
  const nameOf = (projectId: string) => {
    const found = Array.isArray(projects) ? projects.find((p) => p.projectId === projectId) : undefined;
    return found ? `${found.name} (${projectId})` : projectId;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setNotice('');
    if (!values.projectId) return refuse({ summary: t('retention.error.project'), fields: { projectId: t('retention.error.project') } });
    await send(async () => {
      const trimmed = { retentionEnd: values.retentionEnd.trim(), lastPaymentOn: values.lastPaymentOn.trim(), basis: values.basis.trim() };
      const body = { basis: trimmed.basis, ...(trimmed.retentionEnd ? { retentionEnd: trimmed.retentionEnd } : {}), ...(trimmed.lastPaymentOn ? { lastPaymentOn: trimmed.lastPaymentOn } : {}) };
      const { data, error, response } = await api.PUT('/api/v1/projects/{projectId}/retention', { params: { path: { projectId: values.projectId } }, body });
      if (response.status === 401) return expired();
      if (response.ok && data) {
        clear();
        setValues((v) => ({ ...v, retentionEnd: '', lastPaymentOn: '' }));
        await Promise.all([reload(), loadCurrent(values.projectId)]);
        return setNotice(t('retention.saved', { project: nameOf(values.projectId), date: date(data.retentionEnd) }));
      }
      const found = problemOf(error, response);
      const described = describe(error, response, date);
      // Both dates are dates, whatever their names end with.
      if (found.errors?.length) for (const field of Object.keys(described.fields)) if (DATE_FIELDS.has(field)) described.fields[field] = t('problem.field.date');
      if (response.status === 403) described.summary = t('admin.forbidden');
      refuse(described);
    });
  }

  const label = (field: Field) => t(`retention.field.${field}` as MessageId);
  const ordered = labelledInOrder(problem, FIELDS, (f) => label(f as Field));
  const projectError = problem?.fields.projectId;

  return (
    <>
      <PageHeading title={t('retention.title')}>{t('retention.title')}</PageHeading>
      <p>
        <Link to="/projects">{t('admin.back')}</Link>
      </p>
      <p>{t('retention.intro')}</p>
      <div className="notice">
        <p>{t('retention.erasure')}</p>
        <p>
          <code>pathway retention --dry-run</code> {t('retention.erasure.dryRun')}
          <br />
          <code>pathway retention</code> {t('retention.erasure.run')}
        </p>
      </div>

      <section>
        <h2 id="retention-passed-title">{t('retention.passed.title')}</h2>
        {passed === 'loading' && <p role="status">{t('app.loading')}</p>}
        {passed === 'forbidden' && <p role="alert">{t('admin.forbidden')}</p>}
        {passed === 'failed' && (
          <p role="alert" className="error-message">
            {t('app.error')}
          </p>
        )}
        {Array.isArray(passed) && passed.length === 0 && <p role="status">{t('retention.passed.none')}</p>}
        {Array.isArray(passed) && passed.length > 0 && (
          <>
            <p role="status">{t('retention.passed.summary', { count: passed.length })}</p>
            <div className="table-scroll" role="region" aria-labelledby="retention-passed-title" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('retention.column.project')}</th>
                    <th scope="col">{t('retention.column.end')}</th>
                    <th scope="col">{t('retention.column.toErase')}</th>
                    <th scope="col">{t('retention.column.basis')}</th>
                    <th scope="col">{t('retention.column.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {passed.map((p) => (
                    <tr key={p.projectId}>
                      <th scope="row">{`${p.name} (${p.projectId})`}</th>
                      <td>{date(p.retentionEnd)}</td>
                      <td>{t('retention.toErase', { count: p.participantsToErase })}</td>
                      <td className="wrap">{p.basis}</td>
                      <td>
                        <button
                          type="button"
                          className="button small"
                          aria-label={t('retention.change.label', { project: `${p.name} (${p.projectId})` })}
                          onClick={() => {
                            choose(p.projectId);
                            document.getElementById(fieldId('retentionEnd'))?.focus();
                          }}
                        >
                          {t('retention.change')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="retention-form-title">
        <h2 id="retention-form-title">{t('retention.form.title')}</h2>
        <p>{t('retention.form.intro')}</p>
        <p ref={noticeRef} tabIndex={-1} role="status" className={notice ? 'notice' : 'visually-hidden'}>
          {notice}
        </p>
        {ordered && <ErrorSummary ref={summaryRef} problem={ordered} fieldId={fieldId} title={t('retention.errors.title')} />}
        {projects === 'failed' && (
          <p role="alert" className="error-message">
            {t('app.error')}
          </p>
        )}
        <form noValidate onSubmit={(e) => void submit(e)} className="admin-form">
          <div className={`field${projectError ? ' has-error' : ''}`}>
            <label htmlFor={fieldId('projectId')}>{label('projectId')}</label>
            <FieldMessage id={fieldId('projectId')} message={projectError} />
            <select
              id={fieldId('projectId')}
              value={values.projectId}
              onChange={(e) => choose(e.target.value)}
              aria-invalid={projectError ? true : undefined}
              aria-describedby={[projectError ? `${fieldId('projectId')}-error` : '', 'retention-current'].filter(Boolean).join(' ')}
            >
              <option value="">{t('retention.field.projectId.choose')}</option>
              {Array.isArray(projects) &&
                projects.map((p) => (
                  <option key={p.projectId} value={p.projectId}>
                    {`${p.name} (${p.projectId})`}
                  </option>
                ))}
            </select>
          </div>
          <p id="retention-current" className="muted" aria-live="polite">
            {current === 'loading' && t('app.loading')}
            {current === 'none' && t('retention.current.none')}
            {current === 'failed' && t('app.error')}
            {typeof current === 'object' && current && t(current.passed ? 'retention.current.passed' : 'retention.current.set', { date: date(current.retentionEnd), reason: current.basis })}
          </p>
          <AdminTextField
            id={fieldId('retentionEnd')}
            label={label('retentionEnd')}
            hint={t('retention.field.retentionEnd.hint')}
            error={problem?.fields.retentionEnd}
            value={values.retentionEnd}
            onChange={set('retentionEnd')}
            inputMode="numeric"
            spellCheck={false}
          />
          <AdminTextField
            id={fieldId('lastPaymentOn')}
            label={label('lastPaymentOn')}
            hint={t('retention.field.lastPaymentOn.hint')}
            error={problem?.fields.lastPaymentOn}
            value={values.lastPaymentOn}
            onChange={set('lastPaymentOn')}
            inputMode="numeric"
            spellCheck={false}
          />
          <AdminTextField
            id={fieldId('basis')}
            label={label('basis')}
            hint={t('retention.field.basis.hint')}
            error={problem?.fields.basis}
            value={values.basis}
            onChange={set('basis')}
          />
          <SubmitButton sending={sending} label={t('retention.submit')} sendingLabel={t('retention.sending')} />
        </form>
      </section>
    </>
  );
}

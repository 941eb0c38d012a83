import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { labelledInOrder, useFormProblem } from '../app/use-form-problem';
import { DigestCheck } from '../funding/DigestCheck';
import { digestHex } from '../funding/funding-api';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, FieldMessage, SubmitButton } from '../participants/form-parts';
import { useSession } from '../session/session';
import { AdminTextField } from './admin-fields';

/** What `POST /projects/{projectId}/reports` answers: the event recorded, the content's SHA-256 and the cut-off it counts to. */
interface Submitted {
  eventId: string;
  digest: string;
  asKnownOn: string | null;
  projectId: string;
  from: string;
  to: string;
}

const FIELDS = ['projectId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (name: string) => `report-${name}`;

/**
 * Submits a report for a period (`POST /api/v1/projects/{projectId}/reports`, admins): the
 * project, the period's first and last day (both optional: from the project's start, to today
 * in its zone), counted as known now. The API records the suppressed figures as an event and
 * publishes them; the page shows the SHA-256 digest of what was submitted and its cut-off, so
 * the funder's copy can be checked against it. One Idempotency-Key per filled-in form: a double
 * click submits once. Refusals (400 on a date, 422) are shown at their field.
 */
export function SubmitReportPage() {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [projects, setProjects] = useState<ProjectSummary[] | 'loading' | 'failed'>('loading');
  const [values, setValues] = useState<Record<Field, string>>({ projectId: '', from: '', to: '' });
  const [key, setKey] = useState(newIdempotencyKey);
  const { problem, refuse, clear, fixed, describe, send, busy: sending, summaryRef } = useFormProblem({ failed: 'app.error' });
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (submitted) resultRef.current?.focus();
  }, [submitted]);

  useEffect(() => {
    void api.GET('/api/v1/projects').then(({ data, response }) => {
      if (response.status === 401) return expired();
      setProjects(response.ok ? (data as unknown as ProjectSummary[]) : 'failed');
    }, () => setProjects('failed'));
  }, [expired]);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fixed(field);
    // Another request: another key (the API refuses the same key with another body).
    setKey(newIdempotencyKey());
  };
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });
  const label = (field: Field) => t(`submitReport.field.${field}` as MessageId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const request = { from: values.from.trim(), to: values.to.trim() };
    if (!values.projectId) return refuse({ summary: '', fields: { projectId: t('submitReport.error.project') } });
    await send(async () => {
      const body = { ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}) };
      const { data, error, response } = await api.POST('/api/v1/projects/{projectId}/reports', {
        params: { path: { projectId: values.projectId }, header: { 'Idempotency-Key': key } as never },
        body: body as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        clear();
        const answer = data as unknown as { eventId: string; digest: string; asKnownOn: string | null };
        setKey(newIdempotencyKey());
        return setSubmitted({ ...answer, projectId: values.projectId, from: request.from, to: request.to });
      }
      const refused = problemOf(error, response);
      const described = describe(error, response, date);
      // The period's days are dates; a period ending before it starts has its own words.
      for (const e of refused.errors ?? []) {
        if (e.field === 'from' || e.field === 'to') described.fields[e.field] = /after/.test(e.reason) ? t('submitReport.error.order') : t('problem.field.date');
      }
      if (response.status === 403) described.summary = t('admin.forbidden');
      if (response.status === 404) described.fields = { projectId: t('problem.PROJECT.NOT_FOUND') };
      setSubmitted(null);
      refuse(described);
    });
  }

  const ordered = labelledInOrder(problem, FIELDS, (f) => label(f as Field));
  const projectError = problem?.fields.projectId;
  const projectName = (id: string) => {
    const found = Array.isArray(projects) ? projects.find((p) => p.projectId === id) : undefined;
    return found ? `${found.name} (${found.projectId})` : id;
  };

  return (
    <>
      <PageHeading title={t('submitReport.title')}>{t('submitReport.title')}</PageHeading>
      <p>
        <Link to="/projects">{t('admin.back')}</Link>
      </p>
      <p>{t('submitReport.intro')}</p>
      {submitted && (
        <section ref={resultRef} tabIndex={-1} className="notice" aria-labelledby="report-submitted-title">
          <h2 id="report-submitted-title">{t('submitReport.submitted.title')}</h2>
          <dl className="facts stacking">
            <dt>{t('submitReport.field.projectId')}</dt>
            <dd>{projectName(submitted.projectId)}</dd>
            <dt>{t('submitReport.submitted.period')}</dt>
            <dd>
              {submitted.from ? date(submitted.from) : t('submitReport.submitted.fromStart')} – {submitted.to ? date(submitted.to) : t('submitReport.submitted.toToday')}
            </dd>
            <dt>{t('submitReport.submitted.asKnownOn')}</dt>
            <dd>{submitted.asKnownOn ? <time dateTime={submitted.asKnownOn}>{intl.formatDate(submitted.asKnownOn, { dateStyle: 'long', timeStyle: 'medium' })}</time> : '–'}</dd>
            <dt>{t('submitReport.submitted.digest')}</dt>
            <dd>
              <code className="digest">{digestHex(submitted.digest)}</code>
            </dd>
          </dl>
          <p>{t('submitReport.submitted.explain')}</p>
          <DigestCheck />
        </section>
      )}
      {ordered && <ErrorSummary ref={summaryRef} problem={ordered} fieldId={fieldId} title={t('submitReport.errors.title')} />}
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
            onChange={(e) => set('projectId')(e.target.value)}
            aria-invalid={projectError ? true : undefined}
            aria-describedby={projectError ? `${fieldId('projectId')}-error` : undefined}
          >
            <option value="">{t('submitReport.field.projectId.choose')}</option>
            {Array.isArray(projects) &&
              projects.map((p) => (
                <option key={p.projectId} value={p.projectId}>
                  {`${p.name} (${p.projectId})`}
                </option>
              ))}
          </select>
        </div>
        {(['from', 'to'] as const).map((field) => (
          <AdminTextField
            key={field}
            id={fieldId(field)}
            label={label(field)}
            hint={t(`submitReport.field.${field}.hint` as MessageId)}
            error={problem?.fields[field]}
            value={values[field]}
            onChange={set(field)}
            inputMode="numeric"
            spellCheck={false}
          />
        ))}
        <p className="muted">{t('submitReport.asKnownOnNow')}</p>
        <SubmitButton sending={sending} label={t('submitReport.submit')} sendingLabel={t('submitReport.sending')} />
      </form>
    </>
  );
}

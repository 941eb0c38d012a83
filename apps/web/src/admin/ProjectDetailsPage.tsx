import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { newIdempotencyKey } from '../api/idempotency-key';
import { problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { labelledInOrder, useFormProblem } from '../app/use-form-problem';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, SubmitButton } from '../participants/form-parts';
import { useSession } from '../session/session';
import { AdminTextField } from './admin-fields';

/** `GET /api/v1/projects/{projectId}/details`: the details as the log holds them, and the version for If-Match. */
type ProjectDetails = components['schemas']['ProjectDetailsDto'];

/** The request body's fields (ChangeProjectDetailsDto), in the form's order. */
const FIELDS = ['name', 'startDate', 'endDate', 'plannedParticipants', 'timeZone', 'reason'] as const;
type Field = (typeof FIELDS)[number];
const DATE_FIELDS: ReadonlySet<string> = new Set(['startDate', 'endDate']);
const fieldId = (name: string) => `details-${name}`;
const formOf = (d: ProjectDetails): Record<Field, string> => ({ name: d.name, startDate: d.startDate, endDate: d.endDate, plannedParticipants: String(d.plannedParticipants), timeZone: d.timeZone, reason: '' });

/**
 * A project's details and the form that changes them (`PUT /api/v1/projects/{id}/details`, admins
 * only): name, period, planned participants and time zone, with the reason. Sent with If-Match of
 * the version shown, so a change made meanwhile by someone else is never overwritten: the page
 * then shows the details as they now are and keeps what the admin typed to check and send again.
 * The API judges every rule (a period leaving out enrolments, a zone fixed by enrolments).
 */
export function ProjectDetailsPage({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [details, setDetails] = useState<ProjectDetails | 'loading' | 'failed' | 'notFound'>('loading');
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const { problem, refuse, clear, fixed, describe, send, busy: sending, summaryRef } = useFormProblem({ failed: 'app.error' });
  const [notice, setNotice] = useState<'saved' | 'unchanged' | 'conflict' | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => noticeRef.current?.focus(), [notice]);

  const load = useCallback(async (): Promise<ProjectDetails | null> => {
    const { data, response } = await api.GET('/api/v1/projects/{projectId}/details', { params: { path: { projectId } } });
    if (response.status === 401) {
      expired();
      return null;
    }
    if (!response.ok) {
      setDetails(response.status === 404 ? 'notFound' : 'failed');
      return null;
    }
    const loaded = data as unknown as ProjectDetails;
    setDetails(loaded);
    return loaded;
  }, [projectId, expired]);

  useEffect(() => {
    void load().then((loaded) => loaded && setValues(formOf(loaded)));
  }, [load]);

  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });
  const label = (field: Field) => t(`projectDetails.${field}` as MessageId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending || !values || typeof details !== 'object') return;
    setNotice(null);
    await send(async () => {
      const planned = values.plannedParticipants.trim();
      const body = {
        name: values.name.trim(),
        startDate: values.startDate.trim(),
        endDate: values.endDate.trim(),
        plannedParticipants: /^\d+$/.test(planned) ? Number(planned) : planned,
        timeZone: values.timeZone.trim(),
        reason: values.reason.trim(),
      };
      const { error, response } = await api.PUT('/api/v1/projects/{projectId}/details', {
        params: { path: { projectId }, header: { 'Idempotency-Key': idempotencyKey, 'If-Match': `"${details.version}"` } as never },
        body: body as never,
      });
      if (response.status === 401) return expired();
      const answered = problemOf(error, response);
      if (response.ok) {
        const saved = (await load()) ?? details;
        clear();
        setValues(formOf(saved));
        setIdempotencyKey(newIdempotencyKey());
        return setNotice(saved.version === details.version ? 'unchanged' : 'saved');
      }
      if (answered.code === 'CONCURRENCY.VERSION_MISMATCH') {
        // Someone else changed the project meanwhile: show theirs, keep what this admin typed.
        await load();
        clear();
        setIdempotencyKey(newIdempotencyKey());
        return setNotice('conflict');
      }
      const described = describe(error, response, date);
      for (const field of Object.keys(described.fields)) if (DATE_FIELDS.has(field) && answered.errors?.length) described.fields[field] = t('problem.field.date');
      if (response.status === 403) described.summary = t('admin.forbidden');
      refuse({ summary: described.summary, fields: Object.fromEntries(FIELDS.filter((f) => described.fields[f]).map((f) => [f, described.fields[f]])) });
    });
  }

  const title = t('projectDetails.title', { project: projectId });
  if (details === 'loading' || details === 'failed' || details === 'notFound' || !values) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {details === 'loading' ? <p role="status">{t('app.loading')}</p> : <p role="alert">{t(details === 'notFound' ? 'problem.PROJECT.NOT_FOUND' : 'app.error')}</p>}
      </>
    );
  }

  const ordered = labelledInOrder(problem, FIELDS, (f) => label(f as Field));
  const shown: Array<[MessageId, string]> = [
    ['projectDetails.name', details.name],
    ['projectDetails.owner', details.owner],
    ['projectDetails.funding', `${details.fund}, ${details.programme}, ${details.specificObjective}, ${details.region}`],
    ['projectDetails.period', t('projects.period', { start: date(details.startDate), end: date(details.endDate) })],
    ['projectDetails.plannedParticipants', intl.formatNumber(details.plannedParticipants)],
    ['projectDetails.timeZone', details.timeZone],
  ];

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <section aria-labelledby="details-current-title">
        <h2 id="details-current-title">{t('projectDetails.current')}</h2>
        <dl className="details-list">
          {shown.map(([id, value]) => (
            <div key={id}>
              <dt>{t(id)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {notice && (
        <p className={notice === 'conflict' ? 'notice warning' : 'notice'} role="status" tabIndex={-1} ref={noticeRef}>
          {t(`projectDetails.notice.${notice}` as MessageId)}
        </p>
      )}
      <h2 id="details-change-title">{t('projectDetails.change')}</h2>
      <p>{t('projectDetails.intro')}</p>
      {ordered && <ErrorSummary ref={summaryRef} problem={ordered} fieldId={fieldId} title={t('projectDetails.errors.title')} />}
      <form noValidate onSubmit={(e) => void submit(e)} className="admin-form" aria-labelledby="details-change-title">
        {FIELDS.map((field) => (
          <AdminTextField
            key={field}
            id={fieldId(field)}
            label={label(field)}
            hint={t(`projectDetails.${field}.hint` as MessageId)}
            error={problem?.fields[field]}
            value={values[field]}
            onChange={(value) => (setValues((v) => v && { ...v, [field]: value }), fixed(field))}
            inputMode={DATE_FIELDS.has(field) || field === 'plannedParticipants' ? 'numeric' : undefined}
            spellCheck={field === 'reason' ? undefined : false}
          />
        ))}
        <SubmitButton sending={sending} label={t('projectDetails.submit')} sendingLabel={t('projectDetails.sending')} />
      </form>
    </>
  );
}

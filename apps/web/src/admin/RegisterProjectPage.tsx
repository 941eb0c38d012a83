import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { labelledInOrder, useFormProblem } from '../app/use-form-problem';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, SubmitButton } from '../participants/form-parts';
import { useSession } from '../session/session';
import { AdminTextField } from './admin-fields';

/** The request body's fields (RegisterProjectDto), in the form's order. */
const FIELDS = ['id', 'name', 'owner', 'fund', 'programme', 'specificObjective', 'region', 'startDate', 'endDate', 'plannedParticipants', 'timeZone'] as const;
type Field = (typeof FIELDS)[number];
const DATE_FIELDS: ReadonlySet<string> = new Set(['startDate', 'endDate']);
const fieldId = (name: string) => `project-${name}`;

/**
 * Registers a project (`POST /api/v1/projects`, admins only): the operation's id and name, who
 * runs it, the funder's codes, its period, planned participants and time zone. One
 * Idempotency-Key per form, so a double click registers once. The API judges every answer; its
 * refusals (400, 409 `PROJECT.ALREADY_REGISTERED`, 422) are shown next to their field. Once
 * registered, the choose-project page lists it and says so.
 */
export function RegisterProjectPage() {
  const t = useT();
  const intl = useIntl();
  const { navigate } = useNavigation();
  const { expired } = useSession();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<Record<Field, string>>(() => ({ ...Object.fromEntries(FIELDS.map((f) => [f, ''])), fund: 'ESF+', timeZone: 'Europe/Stockholm' }) as Record<Field, string>);
  const { problem, refuse, fixed, describe, send, busy: sending, summaryRef } = useFormProblem({ failed: 'app.error' });

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fixed(field);
  };
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });

  function body() {
    const trimmed = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()])) as Record<Field, string>;
    const planned = /^\d+$/.test(trimmed.plannedParticipants) ? Number(trimmed.plannedParticipants) : trimmed.plannedParticipants;
    const { timeZone, ...rest } = trimmed;
    return { ...rest, plannedParticipants: planned, ...(timeZone ? { timeZone } : {}) };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    await send(async () => {
      const request = body();
      const { error, response } = await api.POST('/api/v1/projects', {
        params: { header: { 'Idempotency-Key': idempotencyKey } as never },
        body: request as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        await untilListed(request.id);
        return navigate(`/projects?registered=${encodeURIComponent(request.id)}`);
      }
      const described = describe(error, response, date);
      // The shared rule marks dates by their name's ending; these two are dates too.
      for (const field of Object.keys(described.fields)) if (DATE_FIELDS.has(field) && problemOf(error, response).errors?.length) described.fields[field] = t('problem.field.date');
      if (response.status === 403) described.summary = t('admin.forbidden');
      refuse(described);
    });
  }

  const label = (field: Field) => t(`registerProject.${field}` as MessageId);
  const hint = (field: Field) => t(`registerProject.${field}.hint` as MessageId);
  // The summary names each field, in the form's order, so it says where to go.
  const ordered = labelledInOrder(problem, FIELDS, (f) => label(f as Field));

  return (
    <>
      <PageHeading title={t('registerProject.title')}>{t('registerProject.title')}</PageHeading>
      <p>
        <Link to="/projects">{t('admin.back')}</Link>
      </p>
      <p>{t('registerProject.intro')}</p>
      {ordered && <ErrorSummary ref={summaryRef} problem={ordered} fieldId={fieldId} title={t('registerProject.errors.title')} />}
      <form noValidate onSubmit={(e) => void submit(e)} className="admin-form">
        {FIELDS.map((field) => (
          <AdminTextField
            key={field}
            id={fieldId(field)}
            label={label(field)}
            hint={hint(field)}
            error={problem?.fields[field]}
            value={values[field]}
            onChange={set(field)}
            inputMode={DATE_FIELDS.has(field) || field === 'plannedParticipants' ? 'numeric' : undefined}
            spellCheck={false}
          />
        ))}
        <SubmitButton sending={sending} label={t('registerProject.submit')} sendingLabel={t('registerProject.sending')} />
      </form>
    </>
  );
}

/** The projects list reads a read model, a moment behind the log: wait (up to about 3 s) until it lists the new project. */
async function untilListed(projectId: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data, response } = await api.GET('/api/v1/projects');
    if (!response.ok || (data as unknown as ProjectSummary[]).some((p) => p.projectId === projectId)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

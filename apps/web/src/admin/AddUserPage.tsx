import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { labelledInOrder, useFormProblem } from '../app/use-form-problem';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary, SubmitButton } from '../participants/form-parts';
import { useSession } from '../session/session';
import { AdminTextField } from './admin-fields';
import { Role, RoleAndProjectsFields } from './role-and-projects-fields';

/** The form's fields by the request body's names, in the form's order. */
const FIELDS = ['displayName', 'email', 'role', 'projects', 'password'] as const;
const fieldId = (name: string) => `user-${name}`;
/** The API's least (libs/users MIN_PASSWORD_LENGTH), which the messages name; checked here too, so the admin learns it before sending. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * 20 characters from a 54-letter alphabet without look-alikes (0/O, 1/l/I): about 115 bits, and
 * readable aloud or over the phone.
 */
function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  while (out.length < 20) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1));
    // Rejection sampling: no letter more likely than another.
    if (byte < 256 - (256 % alphabet.length)) out.push(alphabet[byte % alphabet.length]);
  }
  return out.join('');
}

/**
 * Adds a local account (`POST /api/v1/users`, admins only, and only where people sign in with a
 * password of this installation): name, email, role, the projects they work in (every role but
 * admin needs one) and a password the admin types or has generated, to hand over in a safe way.
 * The API judges every answer; its refusals (400, 409 `USER.EMAIL_TAKEN`) are shown by their field.
 */
export function AddUserPage() {
  const t = useT();
  const intl = useIntl();
  const { expired, method } = useSession();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [projects, setProjects] = useState<ProjectSummary[] | 'loading' | 'failed'>('loading');
  const [values, setValues] = useState({ displayName: '', email: '', role: 'caseworker' as Role, password: '' });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [generated, setGenerated] = useState(false);
  const { problem, refuse, clear, fixed, describe, send, busy: sending, summaryRef } = useFormProblem({ failed: 'app.error' });
  const [added, setAdded] = useState<{ name: string; password: string | null } | null>(null);
  const addedRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => addedRef.current?.focus(), [added]);
  useEffect(() => {
    void api.GET('/api/v1/projects').then(({ data, response }) => {
      if (response.status === 401) return expired();
      setProjects(response.ok ? (data as unknown as ProjectSummary[]) : 'failed');
    });
  }, [expired]);

  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });
  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fixed(field);
    if (field === 'password') setGenerated(false);
  };
  const toggle = (projectId: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(projectId);
      else next.delete(projectId);
      return next;
    });

  /** Presence of what the API cannot explain in words of this form (the password's length, a project); it judges the rest. */
  function missing(): Record<string, string> {
    const fields: Record<string, string> = {};
    if (values.role !== 'admin' && chosen.size === 0) fields.projects = t('addUser.error.projects');
    if (values.password.length < MIN_PASSWORD_LENGTH) fields.password = t('addUser.error.password');
    return fields;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const local = missing();
    if (Object.keys(local).length > 0) return refuse({ summary: t('problem.REQUEST.INVALID'), fields: local });
    await send(async () => {
      const { error, response } = await api.POST('/api/v1/users', {
        params: { header: { 'Idempotency-Key': idempotencyKey } as never },
        body: { email: values.email.trim(), displayName: values.displayName.trim(), role: values.role, projects: values.role === 'admin' && chosen.size === 0 ? undefined : [...chosen], password: values.password } as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        setAdded({ name: values.displayName.trim(), password: generated ? values.password : null });
        return clear();
      }
      const described = describe(error, response, date);
      if (described.fields.projects) described.fields.projects = t('addUser.error.projects');
      if (response.status === 403) described.summary = t('admin.forbidden');
      refuse(described);
    });
  }

  function startAgain() {
    setValues({ displayName: '', email: '', role: 'caseworker', password: '' });
    setChosen(new Set());
    setGenerated(false);
    setAdded(null);
    setIdempotencyKey(newIdempotencyKey());
  }

  if (method !== null && method !== 'password') {
    return (
      <>
        <PageHeading title={t('addUser.title')}>{t('addUser.title')}</PageHeading>
        <p>{t('addUser.notLocal')}</p>
      </>
    );
  }

  if (added) {
    return (
      <>
        <PageHeading title={t('addUser.title')}>{t('addUser.title')}</PageHeading>
        <section className="notice" aria-labelledby="user-added-title">
          <h2 id="user-added-title" tabIndex={-1} ref={addedRef}>
            {t('addUser.added', { name: added.name })}
          </h2>
          {added.password ? (
            <>
              <p>{t('addUser.added.generated')}</p>
              <p className="generated-password" translate="no">
                {added.password}
              </p>
            </>
          ) : (
            <p>{t('addUser.added.typed')}</p>
          )}
        </section>
        <div className="actions">
          <button type="button" className="button primary" onClick={startAgain}>
            {t('addUser.another')}
          </button>
          <Link to="/projects" className="button">
            {t('admin.back')}
          </Link>
        </div>
      </>
    );
  }

  const label = (field: (typeof FIELDS)[number]) => t(`addUser.${field}` as MessageId);
  const ordered = labelledInOrder(problem, FIELDS, (f) => label(f as (typeof FIELDS)[number]));

  return (
    <>
      <PageHeading title={t('addUser.title')}>{t('addUser.title')}</PageHeading>
      <p>
        <Link to="/projects">{t('admin.back')}</Link>
      </p>
      <p>{t('addUser.intro')}</p>
      {ordered && <ErrorSummary ref={summaryRef} problem={ordered} fieldId={fieldId} title={t('addUser.errors.title')} />}
      <form noValidate onSubmit={(e) => void submit(e)} className="admin-form">
        <AdminTextField id={fieldId('displayName')} label={label('displayName')} hint={t('addUser.displayName.hint')} error={problem?.fields.displayName} value={values.displayName} onChange={set('displayName')} />
        <AdminTextField id={fieldId('email')} label={label('email')} hint={t('addUser.email.hint')} error={problem?.fields.email} value={values.email} onChange={set('email')} type="email" spellCheck={false} />

        <RoleAndProjectsFields fieldId={fieldId} role={values.role} onRole={(role) => (setValues((v) => ({ ...v, role })), fixed('role'))} projects={projects} chosen={chosen} onToggle={(id, on) => (toggle(id, on), fixed('projects'))} errors={problem?.fields ?? {}} />

        <AdminTextField id={fieldId('password')} label={label('password')} hint={t('addUser.password.hint')} error={problem?.fields.password} value={values.password} onChange={set('password')} autoComplete="new-password" spellCheck={false} />
        <p>
          <button type="button" className="button" onClick={() => { setValues((v) => ({ ...v, password: generatePassword() })); fixed('password'); setGenerated(true); }}>
            {t('addUser.generate')}
          </button>
        </p>
        {generated && (
          <p className="notice" role="status">
            {t('addUser.generated')}
          </p>
        )}
        <SubmitButton sending={sending} label={t('addUser.submit')} sendingLabel={t('addUser.sending')} />
      </form>
    </>
  );
}

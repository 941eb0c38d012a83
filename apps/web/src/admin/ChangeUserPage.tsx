import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import { problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { labelledInOrder, useFormProblem } from '../app/use-form-problem';
import { useT } from '../i18n/t';
import { ErrorSummary, FieldMessage, SubmitButton } from '../participants/form-parts';
import { useSession } from '../session/session';
import { Role, RoleAndProjectsFields } from './role-and-projects-fields';
import { ListedUser } from './UsersPage';

const fieldId = (name: string) => `user-${name}`;
const FIELDS = ['role', 'projects', 'disabled'] as const;

/**
 * Changes a local account (`PATCH /api/v1/users/{id}`, admins only): role, projects, and whether
 * it is disabled, sent with If-Match of the version shown. A change made meanwhile by another
 * admin is answered 409: the page then shows the account as it now is. The API judges the rest
 * (no enabled admin left: 409 `USER.LAST_ADMIN`; a role without projects: 400).
 */
export function ChangeUserPage({ userId }: { userId: string }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [user, setUser] = useState<ListedUser | 'loading' | 'failed' | 'notFound'>('loading');
  const [projects, setProjects] = useState<ProjectSummary[] | 'loading' | 'failed'>('loading');
  const [role, setRole] = useState<Role>('caseworker');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [disabled, setDisabled] = useState(false);
  const { problem, refuse, clear, fixed, describe, send, busy: sending, summaryRef } = useFormProblem({ failed: 'app.error' });
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => noticeRef.current?.focus(), [notice]);

  const show = (u: ListedUser) => {
    setUser(u);
    setRole(u.role as Role);
    setChosen(new Set(u.projects));
    setDisabled(u.disabled);
  };
  const load = async () => {
    const { data, response } = await api.GET('/api/v1/users');
    if (response.status === 401) return expired();
    if (!response.ok || !data) return setUser('failed');
    const found = data.users.find((u) => u.id === userId);
    if (found && data.source === 'local') show(found);
    else setUser('notFound');
  };
  useEffect(() => {
    void load();
    void api.GET('/api/v1/projects').then(({ data, response }) => setProjects(response.ok ? (data as unknown as ProjectSummary[]) : 'failed'));
  }, [userId]); // once per account shown

  const toggle = (projectId: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(projectId);
      else next.delete(projectId);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending || typeof user !== 'object') return;
    setNotice(null);
    await send(async () => {
      const { data, error, response } = await api.PATCH('/api/v1/users/{userId}', {
        params: { path: { userId }, header: { 'If-Match': `"${user.version}"` } as never },
        body: { role, projects: [...chosen], disabled },
      });
      if (response.status === 401) return expired();
      if (response.ok && data) {
        show(data);
        clear();
        return setNotice('saved');
      }
      const answered = problemOf(error, response);
      if (answered.code === 'CONCURRENCY.VERSION_MISMATCH') {
        await load();
        clear();
        return setNotice('conflict');
      }
      const described = describe(error, response, (iso) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' }));
      if (described.fields.projects) described.fields.projects = t('addUser.error.projects');
      if (answered.code === 'USER.LAST_ADMIN') described.fields.disabled = described.summary;
      if (response.status === 403) described.summary = t('admin.forbidden');
      refuse(described);
    });
  }

  if (typeof user !== 'object') {
    const title = t('users.title');
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {user === 'loading' ? <p role="status">{t('app.loading')}</p> : <p role="alert">{t(user === 'notFound' ? 'problem.USER.NOT_FOUND' : 'app.error')}</p>}
        <p>
          <Link to="/admin/users">{t('changeUser.back')}</Link>
        </p>
      </>
    );
  }

  const title = t('changeUser.title', { name: user.displayName });
  const label = (field: (typeof FIELDS)[number]) => t(field === 'disabled' ? 'changeUser.disabled' : field === 'role' ? 'addUser.role' : 'addUser.projects');
  const ordered = labelledInOrder(problem, FIELDS, (f) => label(f as (typeof FIELDS)[number]));
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/admin/users">{t('changeUser.back')}</Link>
      </p>
      <p>
        {user.email}. {t('changeUser.intro')}
      </p>
      {notice && (
        <p className="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {t(notice === 'saved' ? 'changeUser.saved' : 'changeUser.conflict')}
        </p>
      )}
      {ordered && <ErrorSummary ref={summaryRef} problem={ordered} fieldId={fieldId} title={t('changeUser.errors.title')} />}
      <form noValidate onSubmit={(e) => void submit(e)} className="admin-form">
        <RoleAndProjectsFields fieldId={fieldId} role={role} onRole={(r) => (setRole(r), fixed('role'))} projects={projects} chosen={chosen} onToggle={(id, on) => (toggle(id, on), fixed('projects'))} errors={problem?.fields ?? {}} />
        <fieldset className="field">
          <legend>{t('changeUser.account')}</legend>
          <FieldMessage id={fieldId('disabled')} message={problem?.fields.disabled} />
          <div className="choice">
            <input type="checkbox" id={fieldId('disabled')} checked={disabled} onChange={(e) => (setDisabled(e.target.checked), fixed('disabled'))} aria-describedby={[`${fieldId('disabled')}-hint`, problem?.fields.disabled ? `${fieldId('disabled')}-error` : ''].filter(Boolean).join(' ')} />
            <label htmlFor={fieldId('disabled')}>{t('changeUser.disabled')}</label>
          </div>
          <span className="hint" id={`${fieldId('disabled')}-hint`}>
            {t('changeUser.disabled.hint')}
          </span>
        </fieldset>
        <SubmitButton sending={sending} label={t('changeUser.submit')} sendingLabel={t('changeUser.sending')} />
      </form>
    </>
  );
}

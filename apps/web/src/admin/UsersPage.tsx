import { Fragment, useEffect, useState } from 'react';
import { api } from '../api/client';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import type { components } from '../api/schema';

export type UserList = components['schemas']['UserListDto'];
export type ListedUser = components['schemas']['ListedUserDto'];

/** `GET /api/v1/users`: the list, or why there is none; 401 ends the session. */
export function useUserList(): UserList | 'loading' | 'failed' {
  const { expired } = useSession();
  const [list, setList] = useState<UserList | 'loading' | 'failed'>('loading');
  useEffect(() => {
    void api.GET('/api/v1/users').then(({ data, response }) => {
      if (response.status === 401) return expired();
      setList(response.ok && data ? data : 'failed');
    });
  }, [expired]);
  return list;
}

/**
 * The users (admins only). Embedded mode: the local accounts, each with a link to change its role,
 * projects or whether it is disabled, and the way to add one. OIDC mode: the people signed in now
 * as the organisation's login service named them, read-only, with the claims their role and
 * projects come from.
 */
export function UsersPage() {
  const t = useT();
  const list = useUserList();
  const title = t('users.title');
  if (list === 'loading' || list === 'failed') {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {list === 'loading' ? <p role="status">{t('app.loading')}</p> : <p role="alert">{t('app.error')}</p>}
      </>
    );
  }
  const local = list.source === 'local';
  // Each id kept whole (`24-313-D01` never broken at a hyphen); the list wraps between ids.
  const projectsOf = (u: ListedUser) =>
    u.role === 'admin'
      ? t('users.projects.all')
      : u.projects.length
        ? u.projects.map((id, index) => (
            <Fragment key={id}>
              {index > 0 && ', '}
              <span className="project-id">{id}</span>
            </Fragment>
          ))
        : t('users.projects.none');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/projects">{t('admin.back')}</Link>
      </p>
      <p>{local ? t('users.intro.local') : t('users.intro.provider', { roleClaim: list.claims?.role ?? '', projectsClaim: list.claims?.projects ?? '' })}</p>
      {local && (
        <p>
          <Link to="/admin/users/new" className="button">
            {t('users.add')}
          </Link>
        </p>
      )}
      {list.users.length === 0 ? (
        <p>{t('users.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="users-caption">
          <table className="users-table">
            <caption id="users-caption">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.column.name')}</th>
                <th scope="col">{t('users.column.email')}</th>
                <th scope="col">{t('users.column.role')}</th>
                <th scope="col">{t('users.column.projects')}</th>
                {local && <th scope="col">{t('users.column.status')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.users.map((u) => (
                <tr key={u.id}>
                  {/* A local account's name leads to its change page; the link's name says so and holds the visible name (WCAG 2.5.3). */}
                  <th scope="row">{local ? <Link to={`/admin/users/${encodeURIComponent(u.id)}`} label={t('users.change', { name: u.displayName })}>{u.displayName}</Link> : u.displayName}</th>
                  <td className="break">{u.email}</td>
                  <td>{t(`role.${u.role}` as MessageId)}</td>
                  <td>{projectsOf(u)}</td>
                  {local && <td>{t(u.disabled ? 'users.status.disabled' : 'users.status.active')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import { Link, useNavigation } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { RetentionPassedNotice } from '../data-protection/RetentionPassedNotice';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { mayUseToday } from '../worklist/may-use-today';

/**
 * The projects the signed-in user may open (`GET /api/v1/projects`: their own; an admin's, every
 * project), each with its name, owner and period, in one request.
 */
export function ChooseProjectPage({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const intl = useIntl();
  const { expired, state } = useSession();
  // Just registered (RegisterProjectPage): said once here, where the new project is listed.
  const { search } = useNavigation();
  const registered = new URLSearchParams(search).get('registered');
  // A caseworker starts the day on Today; who may not see the worklist goes to the participants.
  const landing = state.status === 'signedIn' && mayUseToday(state.user.role) ? 'today' : 'participants';
  const [projects, setProjects] = useState<ProjectSummary[] | 'loading' | 'failed'>('loading');
  useEffect(() => {
    void api.GET('/api/v1/projects').then(({ data, response }) => {
      if (response.status === 401) return expired();
      setProjects(response.ok ? (data as unknown as ProjectSummary[]) : 'failed');
    });
  }, [expired]);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <>
      <PageHeading title={t('projects.title')}>{t('projects.title')}</PageHeading>
      {registered && Array.isArray(projects) && (
        <p role="status" className="notice">
          {t('projects.registered', { id: registered, name: projects.find((p) => p.projectId === registered)?.name ?? registered })}
        </p>
      )}
      {isAdmin && <RetentionPassedNotice />}
      {projects === 'loading' ? (
        <p role="status">{t('app.loading')}</p>
      ) : projects === 'failed' ? (
        <p role="alert">{t('app.error')}</p>
      ) : projects.length === 0 ? (
        <p>{t(isAdmin ? 'projects.noneRegistered' : 'projects.none')}</p>
      ) : (
        <>
          <p>{t(isAdmin ? 'projects.introAdmin' : 'projects.intro')}</p>
          <ul className="cards">
            {projects.map((summary) => (
              <li key={summary.projectId} className="card">
                <Link to={`/projects/${encodeURIComponent(summary.projectId)}/${landing}`}>{`${summary.name} (${summary.projectId})`}</Link>
                <p className="muted">
                  {summary.owner}
                  <br />
                  {t('projects.period', { start: date(summary.startDate), end: date(summary.endDate) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {isAdmin && (
        <div className="actions">
          <Link to="/admin/projects/new" className="button">
            {t('admin.registerProject')}
          </Link>
          <Link to="/admin/retention" className="button">
            {t('admin.retention')}
          </Link>
          <Link to="/admin/audit" className="button">
            {t('admin.audit')}
          </Link>
          <Link to="/admin/reports/new" className="button">
            {t('admin.submitReport')}
          </Link>
          {/* The users: local accounts to change and add, or the provider's users read-only. */}
          <Link to="/admin/users" className="button">
            {t('admin.users')}
          </Link>
        </div>
      )}
    </>
  );
}

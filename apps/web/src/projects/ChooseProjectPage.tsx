import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ProjectSummary } from '../api/client';
import { Link } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';

/** The projects the signed-in user works in (from their account), each with its name and period. */
export function ChooseProjectPage({ projects }: { projects: readonly string[] }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [summaries, setSummaries] = useState<Record<string, ProjectSummary | null>>({});
  useEffect(() => {
    for (const projectId of projects) {
      void api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } }).then(({ data, response }) => {
        if (response.status === 401) return expired();
        setSummaries((known) => ({ ...known, [projectId]: response.ok ? (data as unknown as ProjectSummary) : null }));
      });
    }
  }, [projects, expired]);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <>
      <PageHeading title={t('projects.title')}>{t('projects.title')}</PageHeading>
      {projects.length === 0 ? (
        <p>{t('projects.none')}</p>
      ) : (
        <>
          <p>{t('projects.intro')}</p>
          <ul className="cards">
            {projects.map((projectId) => {
              const summary = summaries[projectId];
              return (
                <li key={projectId} className="card">
                  <Link to={`/projects/${encodeURIComponent(projectId)}/participants`}>{summary ? `${summary.name} (${projectId})` : projectId}</Link>
                  {summary && <p className="muted">{summary.owner}<br />{t('projects.period', { start: date(summary.startDate), end: date(summary.endDate) })}</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

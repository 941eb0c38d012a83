import { Link } from '../app/router';
import { useT } from '../i18n/t';
import { mayUseToday } from '../worklist/may-use-today';
import { SessionUser } from '../api/client';

/**
 * The project's own pages, above the page heading: Today and Participants, for those who work
 * the list (caseworkers, admins), and Group session for caseworkers (who alone record). The current page is marked for screen readers
 * (`aria-current`) and by its style.
 */
export function ProjectNav({ projectId, current, role }: { projectId: string; current: 'today' | 'participants' | 'groupSession'; role: SessionUser['role'] }) {
  const t = useT();
  // Participants alone is no choice: without Today (an evaluator) the menu is left out.
  if (!mayUseToday(role)) return null;
  const base = `/projects/${encodeURIComponent(projectId)}`;
  return (
    <nav aria-label={t('projectNav.label', { project: projectId })} className="project-nav">
      <ul>
        <li>
          <Link to={`${base}/today`} current={current === 'today'}>
            {t('projectNav.today')}
          </Link>
        </li>
        {role === 'caseworker' && (
          <li>
            <Link to={`${base}/group-sessions/new`} current={current === 'groupSession'}>
              {t('projectNav.groupSession')}
            </Link>
          </li>
        )}
        <li>
          <Link to={`${base}/participants`} current={current === 'participants'}>
            {t('projectNav.participants')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

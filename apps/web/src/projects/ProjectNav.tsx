import { Link } from '../app/router';
import { useT } from '../i18n/t';
import { mayUseToday } from '../worklist/may-use-today';
import { SessionUser } from '../api/client';

/**
 * Whether to offer the indicator report: the API's access policy (`indicators.report`) is the
 * judge; funders have only the suppressed export, and no project pages.
 */
export const mayReadReport = (role: SessionUser['role']): boolean => role === 'caseworker' || role === 'evaluator' || role === 'admin';

/**
 * The project's own pages, above the page heading: Today, for those who work the list
 * (caseworkers, admins), Group session for caseworkers (who alone record), Participants, and the
 * indicator Report (caseworkers, evaluators, admins), and Import for the project's caseworkers
 * and admins (`mayImport`: the API's `participants.import`), and the participant file for SCB and the project's details for admins. The current page is marked for screen
 * readers (`aria-current`) and by its style.
 */
export function ProjectNav({ projectId, current, role, mayImport = false }: { projectId: string; current: 'today' | 'participants' | 'groupSession' | 'report' | 'import' | 'participantFile' | 'details'; role: SessionUser['role']; mayImport?: boolean }) {
  const t = useT();
  if (!mayReadReport(role)) return null;
  const base = `/projects/${encodeURIComponent(projectId)}`;
  return (
    <nav aria-label={t('projectNav.label', { project: projectId })} className="project-nav">
      <ul>
        {mayUseToday(role) && (
          <li>
            <Link to={`${base}/today`} current={current === 'today'}>
              {t('projectNav.today')}
            </Link>
          </li>
        )}
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
        <li>
          <Link to={`${base}/report`} current={current === 'report'}>
            {t('projectNav.report')}
          </Link>
        </li>
        {mayImport && (
          <li>
            <Link to={`${base}/import`} current={current === 'import'}>
              {t('projectNav.import')}
            </Link>
          </li>
        )}
        {role === 'admin' && (
          <li>
            <Link to={`${base}/participant-file`} current={current === 'participantFile'}>
              {t('projectNav.participantFile')}
            </Link>
          </li>
        )}
        {role === 'admin' && (
          <li>
            <Link to={`${base}/details`} current={current === 'details'}>
              {t('projectNav.details')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

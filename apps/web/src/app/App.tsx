import { AccessibilityStatementPage } from '../accessibility/AccessibilityStatementPage';
import { AddUserPage } from '../admin/AddUserPage';
import { AuditLogPage } from '../admin/AuditLogPage';
import { ChangeUserPage } from '../admin/ChangeUserPage';
import { ProjectDetailsPage } from '../admin/ProjectDetailsPage';
import { UsersPage } from '../admin/UsersPage';
import { RegisterProjectPage } from '../admin/RegisterProjectPage';
import { SubmitReportPage } from '../admin/SubmitReportPage';
import { RetentionPage } from '../data-protection/RetentionPage';
import { SubjectAccessPage } from '../data-protection/SubjectAccessPage';
import { GroupSessionPage } from '../group-sessions/GroupSessionPage';
import { ImportPage } from '../imports/ImportPage';
import { useLocale } from '../i18n/locale';
import { useT } from '../i18n/t';
import { ParticipantFilePage } from '../participant-files/ParticipantFilePage';
import { ParticipantsPage } from '../participants/ParticipantsPage';
import { PathwayPage } from '../participants/PathwayPage';
import { ChooseProjectPage } from '../projects/ChooseProjectPage';
import { ProjectionsPage } from '../projections/ProjectionsPage';
import { FundedProjectPage, FundingLandingPage } from '../funding/FundingPages';
import { ProjectNav } from '../projects/ProjectNav';
import { ReportPage } from '../reports/ReportPage';
import { ComparePage } from '../reports/ComparePage';
import { FigurePage } from '../reports/FigurePage';
import { SubmittedReportsPage } from '../reports/SubmittedReportsPage';
import { useSession } from '../session/session';
import { SignInPage } from '../session/SignInPage';
import { TodayPage } from '../worklist/TodayPage';
import { PageHeading } from './page-heading';
import { Link, parseRoute, useNavigation } from './router';

/** Header, navigation and the page of the current route; signed out, every page but the statement is the sign-in page. */
export function App() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { path } = useNavigation();
  const { state, signOut } = useSession();
  const route = parseRoute(path);
  const signedIn = state.status === 'signedIn';
  const mayWatchProjections = signedIn && (state.user.role === 'evaluator' || state.user.role === 'admin');

  const page = () => {
    if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
    if (route.name === 'accessibility') return <AccessibilityStatementPage />;
    if (state.status === 'signedOut') return <SignInPage notice={state.reason} />;
    // The API's `participants.import`: admins, and caseworkers of the project.
    const mayImport = (projectId: string) => state.user.role === 'admin' || (state.user.role === 'caseworker' && state.user.projects.includes(projectId));
    switch (route.name) {
      case 'signIn':
      case 'projects':
        // A funder has no project pages (participants, worklist): their start is the figures.
        if (state.user.role === 'funder') return <FundingLandingPage />;
        return <ChooseProjectPage isAdmin={state.user.role === 'admin'} />;
      case 'participants':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="participants" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <ParticipantsPage projectId={route.projectId} />
          </>
        );
      case 'today':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="today" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <TodayPage projectId={route.projectId} />
          </>
        );
      case 'report':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="report" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <ReportPage projectId={route.projectId} role={state.user.role} />
          </>
        );
      case 'compare':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="report" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <ComparePage projectId={route.projectId} role={state.user.role} />
          </>
        );
      case 'figure':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="report" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <FigurePage projectId={route.projectId} role={state.user.role} />
          </>
        );
      // Evaluators and admins (the page says so to anyone else); funders keep their suppressed view.
      case 'submittedReports':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="report" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <SubmittedReportsPage projectId={route.projectId} role={state.user.role} />
          </>
        );
      case 'pathway':
        return <PathwayPage participantId={route.participantId} />;
      case 'groupSession':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="groupSession" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <GroupSessionPage projectId={route.projectId} />
          </>
        );
      case 'import':
        return (
          <>
            <ProjectNav projectId={route.projectId} current="import" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <ImportPage projectId={route.projectId} />
          </>
        );
      // Admins only (the file holds identity numbers): the API refuses anyone else.
      case 'participantFile':
        return state.user.role === 'admin' ? (
          <>
            <ProjectNav projectId={route.projectId} current="participantFile" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <ParticipantFilePage projectId={route.projectId} />
          </>
        ) : (
          <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>
        );
      // Admins only: the API refuses anyone else, and the page says so rather than show a form that cannot work.
      case 'registerProject':
        return state.user.role === 'admin' ? <RegisterProjectPage /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'addUser':
        return state.user.role === 'admin' ? <AddUserPage /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'users':
        return state.user.role === 'admin' ? <UsersPage /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'changeUser':
        return state.user.role === 'admin' ? <ChangeUserPage userId={route.userId} /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'projectDetails':
        return state.user.role === 'admin' ? (
          <>
            <ProjectNav projectId={route.projectId} current="details" role={state.user.role} mayImport={mayImport(route.projectId)} />
            <ProjectDetailsPage projectId={route.projectId} />
          </>
        ) : (
          <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>
        );
      case 'retention':
        return state.user.role === 'admin' ? <RetentionPage /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'audit':
        return state.user.role === 'admin' ? <AuditLogPage /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'submitReport':
        return state.user.role === 'admin' ? <SubmitReportPage /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      case 'subjectAccess':
        return state.user.role === 'admin' ? <SubjectAccessPage participantId={route.participantId} /> : <PageHeading title={t('admin.forbidden')}>{t('admin.forbidden')}</PageHeading>;
      // Evaluators and admins, as the API allows (projections.read).
      case 'projections':
        return mayWatchProjections ? <ProjectionsPage /> : <PageHeading title={t('projections.forbidden')}>{t('projections.forbidden')}</PageHeading>;
      // Funders' screens: suppressed figures only (the API refuses the unsuppressed routes to them).
      case 'funding':
        return <FundingLandingPage />;
      case 'fundedProject':
        return <FundedProjectPage projectId={route.projectId} />;
      case 'notFound':
        return <PageHeading title={t('app.notFound')}>{t('app.notFound')}</PageHeading>;
    }
  };

  return (
    <>
      <a href="#page-heading" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/">{t('app.name')}</Link>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {signedIn && (
              <li>
                {state.status === 'signedIn' && state.user.role === 'funder' ? <Link to="/funding">{t('nav.funding')}</Link> : <Link to="/projects">{t('nav.projects')}</Link>}
              </li>
            )}
            {mayWatchProjections && (
              <li>
                <Link to="/projections" current={route.name === 'projections'}>
                  {t('nav.projections')}
                </Link>
              </li>
            )}
            <li>
              <Link to="/accessibility">{t('nav.accessibility')}</Link>
            </li>
            <li>
              <button type="button" className="link-button" lang={locale === 'sv' ? 'en' : 'sv'} onClick={() => setLocale(locale === 'sv' ? 'en' : 'sv')}>
                {t('language.switchTo')}
              </button>
            </li>
            {signedIn && (
              <li>
                <button type="button" className="link-button" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </button>
              </li>
            )}
          </ul>
        </nav>
        {signedIn && <p className="signed-in muted">{t('app.signedInAs', { name: state.user.displayName })}</p>}
      </header>
      <main id="main">{page()}</main>
    </>
  );
}

import { createContext, MouseEvent, ReactNode, useCallback, useContext, useEffect, useState } from 'react';

/**
 * The app's few routes, matched on `location.pathname`. Small enough to keep here; TanStack
 * Router is the step up when search parameters become typed state (the reports of part 2).
 */
export type Route =
  | { name: 'signIn' }
  | { name: 'projects' }
  | { name: 'participants'; projectId: string }
  | { name: 'today'; projectId: string }
  | { name: 'report'; projectId: string }
  | { name: 'compare'; projectId: string }
  | { name: 'figure'; projectId: string }
  | { name: 'submittedReports'; projectId: string }
  | { name: 'pathway'; participantId: string }
  | { name: 'groupSession'; projectId: string }
  | { name: 'import'; projectId: string }
  | { name: 'participantFile'; projectId: string }
  | { name: 'accessibility' }
  | { name: 'registerProject' }
  | { name: 'addUser' }
  | { name: 'users' }
  | { name: 'changeUser'; userId: string }
  | { name: 'projectDetails'; projectId: string }
  | { name: 'retention' }
  | { name: 'audit' }
  | { name: 'submitReport' }
  | { name: 'subjectAccess'; participantId: string }
  | { name: 'projections' }
  | { name: 'funding' }
  | { name: 'fundedProject'; projectId: string }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'projects')) return { name: 'projects' };
  if (parts.length === 1 && parts[0] === 'sign-in') return { name: 'signIn' };
  if (parts.length === 1 && parts[0] === 'accessibility') return { name: 'accessibility' };
  if (parts.length === 1 && parts[0] === 'projections') return { name: 'projections' };
  if (parts.length === 3 && parts[0] === 'admin' && parts[1] === 'projects' && parts[2] === 'new') return { name: 'registerProject' };
  if (parts.length === 3 && parts[0] === 'admin' && parts[1] === 'users' && parts[2] === 'new') return { name: 'addUser' };
  if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'users') return { name: 'users' };
  if (parts.length === 3 && parts[0] === 'admin' && parts[1] === 'users') return { name: 'changeUser', userId: parts[2] };
  if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'details') return { name: 'projectDetails', projectId: parts[1] };
  if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'retention') return { name: 'retention' };
  if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'audit') return { name: 'audit' };
  if (parts.length === 3 && parts[0] === 'admin' && parts[1] === 'reports' && parts[2] === 'new') return { name: 'submitReport' };
  if (parts.length === 3 && parts[0] === 'participants' && parts[2] === 'subject-access') return { name: 'subjectAccess', participantId: parts[1] };
  if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'participants') return { name: 'participants', projectId: parts[1] };
  if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'today') return { name: 'today', projectId: parts[1] };
  if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'report') return { name: 'report', projectId: parts[1] };
  if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'import') return { name: 'import', projectId: parts[1] };
  if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'participant-file') return { name: 'participantFile', projectId: parts[1] };
  if (parts.length === 4 && parts[0] === 'projects' && parts[2] === 'report' && parts[3] === 'compare') return { name: 'compare', projectId: parts[1] };
  if (parts.length === 4 && parts[0] === 'projects' && parts[2] === 'report' && parts[3] === 'figure') return { name: 'figure', projectId: parts[1] };
  if (parts.length === 4 && parts[0] === 'projects' && parts[2] === 'report' && parts[3] === 'submitted') return { name: 'submittedReports', projectId: parts[1] };
  if (parts.length === 4 && parts[0] === 'projects' && parts[2] === 'group-sessions' && parts[3] === 'new') return { name: 'groupSession', projectId: parts[1] };
  if (parts.length === 1 && parts[0] === 'funding') return { name: 'funding' };
  if (parts.length === 2 && parts[0] === 'funding') return { name: 'fundedProject', projectId: parts[1] };
  if (parts.length === 2 && parts[0] === 'participants') return { name: 'pathway', participantId: parts[1] };
  return { name: 'notFound' };
}

const Navigation = createContext<{ path: string; search: string; navigate: (to: string) => void }>({ path: '/', search: '', navigate: () => undefined });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState({ path: window.location.pathname, search: window.location.search });
  useEffect(() => {
    const onPop = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to);
    const url = new URL(to, window.location.origin);
    setLocation({ path: url.pathname, search: url.search });
  }, []);
  return <Navigation.Provider value={{ ...location, navigate }}>{children}</Navigation.Provider>;
}

export const useNavigation = () => useContext(Navigation);

/** A real link (opens in a new tab, copyable) that navigates inside the app on a plain click. */
export function Link({ to, children, className, current, label }: { to: string; children: ReactNode; className?: string; current?: boolean; label?: string }) {
  const { navigate } = useNavigation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={current ? 'page' : undefined} aria-label={label}>
      {children}
    </a>
  );
}

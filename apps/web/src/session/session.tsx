import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, Problem, SessionUser } from '../api/client';

type SessionState = { status: 'loading' } | { status: 'signedOut'; reason?: 'signedOut' | 'expired' } | { status: 'signedIn'; user: SessionUser };

/** How this installation signs people in (`GET /api/v1/session/config`): local passwords, the organisation's provider, or neither. */
export type SignInMethod = 'password' | 'organisation' | 'none';

interface SessionApi {
  state: SessionState;
  /** Known once the API has said it; the sign-in page waits for it. */
  method: SignInMethod | null;
  /** Resolves to null when signed in, else the API's problem (wrong password, throttled). */
  signIn: (email: string, password: string) => Promise<Problem | null>;
  /** Ends the session; after a provider's session, the browser goes on to the provider's sign-out page. */
  signOut: () => Promise<void>;
  /** A 401 from any call: the session ran out. */
  expired: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Who is signed in, from `GET /api/v1/session`; the cookie itself is httpOnly and never seen here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [method, setMethod] = useState<SignInMethod | null>(null);
  useEffect(() => {
    void api.GET('/api/v1/session').then(({ data, response }) =>
      setState(response.ok && data ? { status: 'signedIn', user: data as unknown as SessionUser } : { status: 'signedOut' }),
    );
    void api.GET('/api/v1/session/config').then(({ data }) => setMethod(data?.method ?? 'password'));
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const { data, error, response } = await api.POST('/api/v1/session', { body: { email, password } });
    if (!response.ok || !data) {
      const problem = (error as unknown as Problem) ?? { status: response.status, code: 'HTTP', title: '' };
      return { ...problem, retryAfterSeconds: Number(response.headers.get('Retry-After')) || undefined };
    }
    setState({ status: 'signedIn', user: data as unknown as SessionUser });
    return null;
  }, []);
  const signOut = useCallback(async () => {
    const { data } = await api.DELETE('/api/v1/session');
    if (data?.signOutUrl) return window.location.assign(data.signOutUrl);
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);
  const expired = useCallback(() => setState({ status: 'signedOut', reason: 'expired' }), []);
  return <SessionContext.Provider value={{ state, method, signIn, signOut, expired }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

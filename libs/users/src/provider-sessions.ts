import { DEFAULT_SESSION_LIFETIME, newSessionSecret, SessionLifetime, sessionHolds, sessionIdOf } from './session';
import { Sessions, SessionUser } from './sessions';
import { UserAccount } from './user-account';

/** A sign-in at the provider in progress: what the callback checks the provider's answer against. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** PKCE (RFC 7636): only its S256 hash went to the provider; the verifier is sent with the code. */
  codeVerifier: string;
}

/** A session of a user the provider signed in, with the ID token (the hint for the provider's sign-out). */
export interface StoredProviderSession {
  user: UserAccount;
  idToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Pending sign-ins and sessions of the provider's users, keyed by the SHA-256 of their secrets (see `sessionIdOf`). */
export interface ProviderSessionStore {
  savePending(id: string, pending: PendingSignIn, startedAt: number): Promise<void>;
  /** Removes the pending sign-in and returns it: each can be finished once. */
  takePending(id: string): Promise<(PendingSignIn & { startedAt: number }) | null>;
  endPendingStartedBefore(before: number): Promise<void>;
  startSession(id: string, session: StoredProviderSession): Promise<void>;
  session(id: string): Promise<StoredProviderSession | null>;
  touchSession(id: string, now: number): Promise<void>;
  endSession(id: string): Promise<void>;
  endSessionsIdleSince(before: number): Promise<void>;
  /** The user of each session, most recently used first (a user with two sessions twice). */
  sessionUsers(): Promise<UserAccount[]>;
  close(): Promise<void>;
}

/** How long a person may take at the provider's sign-in page before the answer is refused as expired. */
export const PENDING_SIGN_IN_MS = 10 * 60_000;

/**
 * Sessions of people signed in by the organisation's OpenID Connect provider. Their account lives
 * at the provider: the session keeps the user as the ID token named them at sign-in (role and
 * projects included) and ends like a local one (DEFAULT_SESSION_LIFETIME). Time is passed in as
 * ms since epoch.
 */
export class ProviderSessions implements Sessions {
  constructor(
    private readonly store: ProviderSessionStore,
    private readonly lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
    private readonly pendingMs = PENDING_SIGN_IN_MS,
  ) {}

  /** Keeps a new pending sign-in; returns the secret for the browser's short-lived cookie. */
  async begin(pending: PendingSignIn, now: number): Promise<string> {
    await this.store.endPendingStartedBefore(now - this.pendingMs);
    const secret = newSessionSecret();
    await this.store.savePending(sessionIdOf(secret), pending, now);
    return secret;
  }

  /** The pending sign-in of the cookie's secret, once; 'expired' after PENDING_SIGN_IN_MS; null when unknown. */
  async takePending(secret: string, now: number): Promise<PendingSignIn | 'expired' | null> {
    const found = await this.store.takePending(sessionIdOf(secret));
    if (!found) return null;
    const { startedAt, ...pending } = found;
    return now - startedAt >= this.pendingMs ? 'expired' : pending;
  }

  /** Opens a session for the user the provider named; returns its secret for the session cookie. */
  async start(user: UserAccount, idToken: string, now: number): Promise<string> {
    await this.store.endSessionsIdleSince(now - this.lifetime.idleMs);
    const secret = newSessionSecret();
    await this.store.startSession(sessionIdOf(secret), { user, idToken, createdAt: now, lastSeenAt: now });
    return secret;
  }

  async resume(secret: string, now: number): Promise<SessionUser | null> {
    const id = sessionIdOf(secret);
    const session = await this.store.session(id);
    if (!session) return null;
    if (!sessionHolds(session.createdAt, session.lastSeenAt, now, this.lifetime)) {
      await this.store.endSession(id);
      return null;
    }
    await this.store.touchSession(id, now);
    const { user } = session;
    return { principal: { subject: user.id, role: user.role, projects: user.projects }, user };
  }

  /**
   * The people with a session (not ended by idleness yet), each once, by e-mail address: the
   * app keeps no accounts of the provider's users, only what the ID token said at sign-in.
   */
  async users(now: number): Promise<UserAccount[]> {
    await this.store.endSessionsIdleSince(now - this.lifetime.idleMs);
    const latest = new Map<string, UserAccount>();
    for (const user of await this.store.sessionUsers()) if (!latest.has(user.id)) latest.set(user.id, user);
    return [...latest.values()].sort((a, b) => a.email.localeCompare(b.email) || a.id.localeCompare(b.id));
  }

  /** The ID token the session began with, for the provider's sign-out; null for no such session. */
  async idTokenOf(secret: string): Promise<string | null> {
    return (await this.store.session(sessionIdOf(secret)))?.idToken ?? null;
  }

  async signOut(secret: string): Promise<void> {
    await this.store.endSession(sessionIdOf(secret));
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

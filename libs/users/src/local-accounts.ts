import { randomUUID } from 'node:crypto';
import { Role } from '@pathway/auth';
import { Sessions, SessionUser } from './sessions';
import { UserAccount } from './user-account';
import { decoyHash, hashPassword, verifyPassword } from './password-hashing';
import { DEFAULT_SESSION_LIFETIME, newSessionSecret, SessionLifetime, sessionHolds, sessionIdOf } from './session';
import { AccountChange, LastAdminError, ListedAccount } from './account-change';
import { StoredUser, UserStore } from './user-store';

/** What an admin gives to add a user; the password is hashed before it is stored. */
export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  projects: readonly string[];
  password: string;
}

const publicPart = ({ id, email, displayName, role, projects }: UserAccount): UserAccount => ({ id, email, displayName, role, projects });
const listed = (user: StoredUser): ListedAccount => ({ ...publicPart(user), projects: [...user.projects], disabled: user.disabled, version: user.version });

/**
 * Sign-in with local accounts (embedded mode): adding users, checking passwords, and sessions
 * that end after DEFAULT_SESSION_LIFETIME. A session's principal has the same shape as a
 * bearer token's, so the one access policy decides for both. Time is passed in as ms since epoch.
 */
export class LocalAccounts implements Sessions {
  constructor(
    private readonly store: UserStore,
    private readonly lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
  ) {}

  /** Adds a user; throws DuplicateUserError when the e-mail address is taken. */
  async add(user: NewUser): Promise<UserAccount> {
    const account: UserAccount = { id: `local:${randomUUID()}`, email: user.email.trim(), displayName: user.displayName.trim(), role: user.role, projects: [...user.projects] };
    await this.store.add({ ...account, passwordHash: await hashPassword(user.password) });
    return publicPart((await this.store.byId(account.id)) ?? account);
  }

  /** Every account with whether it is disabled and its version, by e-mail address; no password hashes. */
  async list(): Promise<ListedAccount[]> {
    return (await this.store.list()).map(listed);
  }

  /**
   * Changes an account's role, projects or whether it is disabled (admins). A disabled account's
   * sessions end at once; a changed role or project list holds from the user's next request (the
   * session reads the account each time). Throws UserNotFoundError, AccountVersionMismatchError
   * (`expectedVersion` stale) and LastAdminError (it would take away the last enabled admin account).
   */
  async change(id: string, change: AccountChange, expectedVersion?: number): Promise<ListedAccount> {
    const enabledAdmin = (a: StoredUser) => a.role === 'admin' && !a.disabled;
    const changed = await this.store.change(id, change, expectedVersion, (after, before) => {
      // Refused only when this change takes away the last one: an installation whose admins sign
      // in with tokens (`pathway token`) may have no admin account at all.
      if (enabledAdmin(before) && !after.some(enabledAdmin)) throw new LastAdminError();
    });
    if (changed.disabled) await this.store.endSessionsOf(id);
    return listed(changed);
  }

  /**
   * The secret of a new session for a matching e-mail and password; `disabled` when they match a
   * disabled account (only who knows the password learns the account's state, so it is no oracle
   * for a guesser); else null. Takes as long either way.
   */
  async signIn(email: string, password: string, now: number): Promise<{ secret: string; user: UserAccount } | 'disabled' | null> {
    const user = await this.store.byEmail(email);
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !matches) return null;
    if (user.disabled) return 'disabled';
    const secret = newSessionSecret();
    await this.store.endSessionsIdleSince(now - this.lifetime.idleMs);
    await this.store.startSession(sessionIdOf(secret), user.id, now);
    return { secret, user: publicPart(user) };
  }

  /** The session's user, or null when it is unknown or has expired (an expired one is removed). */
  async resume(secret: string, now: number): Promise<SessionUser | null> {
    const id = sessionIdOf(secret);
    const session = await this.store.session(id);
    if (!session) return null;
    if (!sessionHolds(session.createdAt, session.lastSeenAt, now, this.lifetime)) {
      await this.store.endSession(id);
      return null;
    }
    const user = await this.store.byId(session.userId);
    if (!user || user.disabled) return null;
    await this.store.touchSession(id, now);
    return { principal: { subject: user.id, role: user.role, projects: user.projects }, user: publicPart(user) };
  }

  async signOut(secret: string): Promise<void> {
    await this.store.endSession(sessionIdOf(secret));
  }

  count(): Promise<number> {
    return this.store.count();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

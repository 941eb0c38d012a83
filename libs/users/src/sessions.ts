import { Principal } from '@pathway/auth';
import { UserAccount } from './user-account';

/** A signed-in user: the principal the AccessGuard checks, and who they are for the app to show. */
export interface SessionUser {
  principal: Principal;
  user: UserAccount;
}

/**
 * What the session cookie's secret opens, whoever signed the person in: LocalAccounts (embedded
 * mode) or ProviderSessions (the organisation's OpenID Connect provider).
 */
export interface Sessions {
  /** The session's user, or null when it is unknown or has ended (idle or too old). */
  resume(secret: string, now: number): Promise<SessionUser | null>;
  signOut(secret: string): Promise<void>;
}

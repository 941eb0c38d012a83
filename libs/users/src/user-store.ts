import { AccountChange, ListedAccount } from './account-change';

/** A user account with its password hash, as the store keeps it. */
export interface StoredUser extends ListedAccount {
  passwordHash: string;
}

/** A live session: whose it is, and when it began and was last used (ms since epoch). */
export interface StoredSession {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
}

/**
 * Local accounts and their sessions (embedded mode). Sessions are keyed by the SHA-256 of
 * their secret (see `sessionIdOf`). Throws DuplicateUserError for a second account with an e-mail.
 */
export interface UserStore {
  /** Adds the account (at version 1, enabled, whatever `user` says of those). */
  add(user: Omit<StoredUser, 'disabled' | 'version'>): Promise<void>;
  /** Every account, by e-mail address. */
  list(): Promise<StoredUser[]>;
  /**
   * Applies `change` and raises the version, in one transaction that first lets `check` see
   * every account as it would be after the change and the account as it was (and throw to
   * refuse); `expectedVersion`, when given, must be the account's current version.
   * Throws UserNotFoundError, AccountVersionMismatchError, or what `check` throws.
   */
  change(id: string, change: AccountChange, expectedVersion: number | undefined, check: (after: StoredUser[], before: StoredUser) => void): Promise<StoredUser>;
  /** Ends every session of the account (it was disabled). */
  endSessionsOf(userId: string): Promise<void>;
  byEmail(email: string): Promise<StoredUser | null>;
  byId(id: string): Promise<StoredUser | null>;
  count(): Promise<number>;
  startSession(sessionId: string, userId: string, now: number): Promise<void>;
  session(sessionId: string): Promise<StoredSession | null>;
  touchSession(sessionId: string, now: number): Promise<void>;
  endSession(sessionId: string): Promise<void>;
  /** Removes sessions last used before `before` (ms since epoch). */
  endSessionsIdleSince(before: number): Promise<void>;
  close(): Promise<void>;
}

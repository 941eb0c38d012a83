import { UserAccount } from './user-account';

/** A user account with its password hash, as the store keeps it. */
export interface StoredUser extends UserAccount {
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
  add(user: StoredUser): Promise<void>;
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

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@pathway/auth';
import { AccountChange, AccountVersionMismatchError, UserNotFoundError } from './account-change';
import { DuplicateUserError, normaliseEmail } from './user-account';
import { StoredSession, StoredUser, UserStore } from './user-store';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  projects: string;
  password_hash: string;
  disabled: number;
  version: number;
}

const fromRow = (row: UserRow | undefined): StoredUser | null =>
  row
    ? {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        projects: JSON.parse(row.projects) as string[],
        passwordHash: row.password_hash,
        disabled: row.disabled === 1,
        version: row.version,
      }
    : null;

/**
 * The embedded mode's accounts in `DATA_DIR/users.db`, beside the event and key stores, so a
 * backup of the data directory keeps them. (A PostgreSQL adapter is still to come.)
 */
export class SqliteUserStore implements UserStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataDir: string): SqliteUserStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'users.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
        role TEXT NOT NULL, projects TEXT NOT NULL, password_hash TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL);`);
    // Accounts added before they could be changed or disabled: enabled, at version 1.
    const columns = new Set((db.pragma('table_info(users)') as Array<{ name: string }>).map((c) => c.name));
    if (!columns.has('disabled')) db.exec('ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0');
    if (!columns.has('version')) db.exec('ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1');
    return new SqliteUserStore(db);
  }

  async add(user: Omit<StoredUser, 'disabled' | 'version'>): Promise<void> {
    try {
      this.db
        .prepare('INSERT INTO users (id, email, display_name, role, projects, password_hash) VALUES (?, ?, ?, ?, ?, ?)')
        .run(user.id, normaliseEmail(user.email), user.displayName, user.role, JSON.stringify(user.projects), user.passwordHash);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateUserError();
      throw error;
    }
  }

  async byEmail(email: string): Promise<StoredUser | null> {
    return fromRow(this.db.prepare('SELECT * FROM users WHERE email = ?').get(normaliseEmail(email)) as UserRow | undefined);
  }

  async byId(id: string): Promise<StoredUser | null> {
    return fromRow(this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined);
  }

  async list(): Promise<StoredUser[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY email, id').all() as UserRow[]).map((row) => fromRow(row)!);
  }

  async change(id: string, change: AccountChange, expectedVersion: number | undefined, check: (after: StoredUser[], before: StoredUser) => void): Promise<StoredUser> {
    // IMMEDIATE: the write lock is taken before reading, so two admins' changes are checked one after the other.
    const apply = this.db.transaction(() => {
      const all = (this.db.prepare('SELECT * FROM users').all() as UserRow[]).map((row) => fromRow(row)!);
      const current = all.find((u) => u.id === id);
      if (!current) throw new UserNotFoundError();
      if (expectedVersion !== undefined && expectedVersion !== current.version) throw new AccountVersionMismatchError(expectedVersion, current.version);
      // Field by field: a field given as undefined (a DTO's unset property) stays as it is.
      const changed: StoredUser = {
        ...current,
        role: change.role ?? current.role,
        projects: [...(change.projects ?? current.projects)],
        disabled: change.disabled ?? current.disabled,
        version: current.version + 1,
      };
      check(all.map((u) => (u.id === id ? changed : u)), current);
      this.db
        .prepare('UPDATE users SET role = ?, projects = ?, disabled = ?, version = ? WHERE id = ?')
        .run(changed.role, JSON.stringify(changed.projects), changed.disabled ? 1 : 0, changed.version, id);
      return changed;
    });
    return apply.immediate();
  }

  async endSessionsOf(userId: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async startSession(sessionId: string, userId: string, now: number): Promise<void> {
    this.db.prepare('INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(sessionId, userId, now, now);
  }

  async session(sessionId: string): Promise<StoredSession | null> {
    const row = this.db.prepare('SELECT user_id, created_at, last_seen_at FROM sessions WHERE id = ?').get(sessionId) as
      | { user_id: string; created_at: number; last_seen_at: number }
      | undefined;
    return row ? { userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
  }

  async touchSession(sessionId: string, now: number): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, sessionId);
  }

  async endSession(sessionId: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
  }

  async endSessionsIdleSince(before: number): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ?').run(before);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@pathway/auth';
import { DuplicateUserError, normaliseEmail } from './user-account';
import { StoredSession, StoredUser, UserStore } from './user-store';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  projects: string;
  password_hash: string;
}

const fromRow = (row: UserRow | undefined): StoredUser | null =>
  row
    ? { id: row.id, email: row.email, displayName: row.display_name, role: row.role, projects: JSON.parse(row.projects) as string[], passwordHash: row.password_hash }
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
    return new SqliteUserStore(db);
  }

  async add(user: StoredUser): Promise<void> {
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

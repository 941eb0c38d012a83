import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PendingSignIn, ProviderSessionStore, StoredProviderSession } from './provider-sessions';
import { UserAccount } from './user-account';

/**
 * Sessions of the provider's users in `DATA_DIR/users.db`, beside local accounts' (the same file,
 * other tables). One API process per data directory, like the local accounts; a PostgreSQL
 * adapter for several API replicas is still to come.
 */
export class SqliteProviderSessionStore implements ProviderSessionStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataDir: string): SqliteProviderSessionStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'users.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS pending_sign_ins (
        id TEXT PRIMARY KEY, state TEXT NOT NULL, nonce TEXT NOT NULL, code_verifier TEXT NOT NULL, started_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS provider_sessions (
        id TEXT PRIMARY KEY, user TEXT NOT NULL, id_token TEXT NOT NULL,
        created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL);`);
    return new SqliteProviderSessionStore(db);
  }

  async savePending(id: string, { state, nonce, codeVerifier }: PendingSignIn, startedAt: number): Promise<void> {
    this.db.prepare('INSERT INTO pending_sign_ins (id, state, nonce, code_verifier, started_at) VALUES (?, ?, ?, ?, ?)').run(id, state, nonce, codeVerifier, startedAt);
  }

  async takePending(id: string): Promise<(PendingSignIn & { startedAt: number }) | null> {
    const row = this.db.prepare('DELETE FROM pending_sign_ins WHERE id = ? RETURNING state, nonce, code_verifier, started_at').get(id) as
      | { state: string; nonce: string; code_verifier: string; started_at: number }
      | undefined;
    return row ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, startedAt: row.started_at } : null;
  }

  async endPendingStartedBefore(before: number): Promise<void> {
    this.db.prepare('DELETE FROM pending_sign_ins WHERE started_at < ?').run(before);
  }

  async startSession(id: string, { user, idToken, createdAt, lastSeenAt }: StoredProviderSession): Promise<void> {
    this.db.prepare('INSERT INTO provider_sessions (id, user, id_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(id, JSON.stringify(user), idToken, createdAt, lastSeenAt);
  }

  async session(id: string): Promise<StoredProviderSession | null> {
    const row = this.db.prepare('SELECT user, id_token, created_at, last_seen_at FROM provider_sessions WHERE id = ?').get(id) as
      | { user: string; id_token: string; created_at: number; last_seen_at: number }
      | undefined;
    return row ? { user: JSON.parse(row.user) as UserAccount, idToken: row.id_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
  }

  async touchSession(id: string, now: number): Promise<void> {
    this.db.prepare('UPDATE provider_sessions SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  async endSession(id: string): Promise<void> {
    this.db.prepare('DELETE FROM provider_sessions WHERE id = ?').run(id);
  }

  async endSessionsIdleSince(before: number): Promise<void> {
    this.db.prepare('DELETE FROM provider_sessions WHERE last_seen_at < ?').run(before);
  }

  async sessionUsers(): Promise<UserAccount[]> {
    return (this.db.prepare('SELECT user FROM provider_sessions ORDER BY last_seen_at DESC').all() as Array<{ user: string }>).map((r) => JSON.parse(r.user) as UserAccount);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

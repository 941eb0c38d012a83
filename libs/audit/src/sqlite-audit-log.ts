import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { retryWhileBusy, SQLITE_BUSY_TIMEOUT_MS } from '@pathway/event-store';
import { AuditEntry, AuditFilter, AuditLog, AuditPage } from './audit-log';
import { AuditRow, normalized, pageQuery, toPage } from './audit-query';

/**
 * Triggers make the file itself refuse changes, whoever connects. The insert trigger closes
 * `INSERT OR REPLACE` on an existing sequence, which deletes the old row without firing the
 * delete trigger (unless the writer turns on recursive_triggers).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  subject TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  project_id TEXT,
  correlation_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_participant ON audit_log (participant_id, sequence);
CREATE INDEX IF NOT EXISTS audit_log_subject ON audit_log (subject, sequence);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE sequence = NEW.sequence)
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;

/** The embedded audit log: an SQLite file of its own (e.g. DATA_DIR/audit.db). */
export class SqliteAuditLog implements AuditLog {
  private readonly db: Database.Database;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A recorded read must survive a power cut; the API and the CLI may write at once.
    this.db.pragma('synchronous = FULL');
    this.db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`); // longer waits in retryWhileBusy, off the event loop
    this.db.exec(SCHEMA);
  }

  async record(entry: AuditEntry): Promise<void> {
    const e = normalized(entry);
    const insert = this.db.prepare(
      'INSERT INTO audit_log (at, subject, role, action, participant_id, project_id, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    await retryWhileBusy(() => insert.run(e.at, e.subject, e.role, e.action, e.participantId, e.projectId, e.correlationId));
  }

  async query(filter: AuditFilter): Promise<AuditPage> {
    const { sql, params, limit } = pageQuery(filter, () => '?');
    const select = this.db.prepare<unknown[], AuditRow>(sql);
    return toPage(await retryWhileBusy(() => select.all(...params)), limit);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

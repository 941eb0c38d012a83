import { Pool } from 'pg';
import { AuditEntry, AuditFilter, AuditLog, AuditPage } from './audit-log';
import { AuditRow, normalized, pageQuery, toPage } from './audit-query';

/**
 * One string runs as one implicit transaction, so the advisory lock keeps two processes starting
 * at once from racing on the DDL. The trigger stops the application's role and anyone else short
 * of the table owner, who could drop it: grant the application INSERT and SELECT only.
 */
const SCHEMA = `
SELECT pg_advisory_xact_lock(hashtext('pathway.audit_log'));
CREATE TABLE IF NOT EXISTS audit_log (
  sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
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
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only';
END
$$;
CREATE OR REPLACE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;

/**
 * The production audit log. Sequences come from an identity, so they may have gaps, and one
 * taken early may commit late: a reader paging while entries are written can pass over it,
 * a query started afterwards finds it.
 */
export class PostgresAuditLog implements AuditLog {
  private readonly pool: Pool;
  private ready: Promise<unknown> | null = null;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url, max: 3 });
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined)); // a checked-out connection terminated by the server must not end the process
  }

  async record(entry: AuditEntry): Promise<void> {
    const e = normalized(entry);
    await this.setUp();
    await this.pool.query(
      'INSERT INTO audit_log (at, subject, role, action, participant_id, project_id, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [e.at, e.subject, e.role, e.action, e.participantId, e.projectId, e.correlationId],
    );
  }

  async query(filter: AuditFilter): Promise<AuditPage> {
    const { sql, params, limit } = pageQuery(filter, (n) => `$${n}`);
    await this.setUp();
    const { rows } = await this.pool.query<AuditRow>(sql, params);
    return toPage(rows, limit);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private setUp() {
    // Forgotten on failure, so a database that was down at first use is tried again.
    this.ready ??= this.pool.query(SCHEMA).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }
}

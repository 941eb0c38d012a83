import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresAuditLog } from './postgres-audit-log';
import { SqliteAuditLog } from './sqlite-audit-log';
import { auditLogContract } from './testing/audit-log-contract';
import { postgresTestDatabase, TestDatabase, testEngines } from '../../read-models/src/testing/read-model-engines';

const COLUMNS = '(sequence, at, subject, role, action, participant_id, project_id, correlation_id)';

const dir = mkdtempSync(join(tmpdir(), 'pathway-audit-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'audit.db');
/** A connection of its own, as anyone with the file could open. */
const sqlite = (sql: string, ...params: unknown[]) => async () => {
  const db = new Database(file);
  try {
    return db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
};

auditLogContract('sqlite', async () => ({
  log: new SqliteAuditLog(file),
  tamper: {
    update: sqlite("UPDATE audit_log SET subject = 'someone-else'"),
    delete: sqlite('DELETE FROM audit_log'),
    overwrite: (sequence) => sqlite(`INSERT OR REPLACE INTO audit_log ${COLUMNS} VALUES (?, '2000-01-01T00:00:00.000Z', 'x', 'x', 'x', 'x', NULL, 'x')`, sequence)(),
  },
}));

// The global setup lists PostgreSQL when it answers (and fails a CI run when it does not).
if (testEngines().includes('postgres')) {
  let database: Promise<TestDatabase> | null = null;
  afterAll(async () => (await database)?.drop());

  auditLogContract('postgres', async () => {
    database ??= postgresTestDatabase();
    const { config } = await database;
    const url = config.engine === 'postgres' ? config.url : '';
    const postgres = (sql: string, ...params: unknown[]) => async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(sql, params);
      } finally {
        await client.end();
      }
    };
    return {
      log: new PostgresAuditLog(url),
      tamper: {
        update: postgres("UPDATE audit_log SET subject = 'someone-else'"),
        delete: postgres('DELETE FROM audit_log'),
        overwrite: (sequence) =>
          postgres(
            `INSERT INTO audit_log ${COLUMNS} OVERRIDING SYSTEM VALUE VALUES ($1, now(), 'x', 'x', 'x', 'x', NULL, 'x')
             ON CONFLICT (sequence) DO UPDATE SET subject = excluded.subject`,
            sequence,
          )(),
        truncate: postgres('TRUNCATE audit_log'),
      },
    };
  });
}

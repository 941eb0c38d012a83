import { join } from 'node:path';
import { AuditLog, PostgresAuditLog, SqliteAuditLog } from '@pathway/audit';
import { Environment } from './environment';

/** Who read whose personal data: an SQLite file of its own in embedded mode, a PostgreSQL table in production. */
export function openAuditLog(env: Pick<Environment, 'READ_MODEL_DB' | 'DATA_DIR' | 'DATABASE_URL'>): AuditLog {
  return env.READ_MODEL_DB === 'postgres' ? new PostgresAuditLog(env.DATABASE_URL!) : new SqliteAuditLog(join(env.DATA_DIR, 'audit.db'));
}

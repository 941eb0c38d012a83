import { Environment } from '@pathway/config';

/**
 * `pathway backup` and `restore` cover the embedded stores (SQLite files in DATA_DIR). With
 * KurrentDB or PostgreSQL the databases' own tools do it: docs/operations.md has the procedure.
 */
export function embeddedOnly(env: Environment, command: string): string | null {
  if (env.EVENT_STORE === 'sqlite' && env.READ_MODEL_DB === 'sqlite') return null;
  return `pathway ${command} covers the embedded stores (EVENT_STORE=sqlite, READ_MODEL_DB=sqlite); with KurrentDB or PostgreSQL follow docs/operations.md ("Backup and restore")`;
}

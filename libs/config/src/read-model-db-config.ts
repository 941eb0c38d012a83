import { join } from 'node:path';
import { ReadModelDbConfig } from '@pathway/read-models';
import { Environment } from './environment';

/** The read-model database: an SQLite file beside the events, or PostgreSQL. */
export function readModelDbConfig(env: Pick<Environment, 'READ_MODEL_DB' | 'DATA_DIR' | 'DATABASE_URL'>): ReadModelDbConfig {
  return env.READ_MODEL_DB === 'postgres'
    ? { engine: 'postgres', url: env.DATABASE_URL! }
    : { engine: 'sqlite', file: join(env.DATA_DIR, 'read-models.db') };
}

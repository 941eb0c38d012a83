import { Pool } from 'pg';
import { DATA_KEYS_TABLE, KeyStore, unwrapRow } from './key-store';
import { newDataKey, seal } from './sealed-box';

/**
 * The production key store: a PostgreSQL table apart from the event log. A destroyed key's row
 * is a dead tuple until VACUUM reclaims it; the erasure procedure runs one (see the README).
 */
export class PostgresKeyStore implements KeyStore {
  private readonly pool: Pool;
  private ready: Promise<unknown> | null = null;

  constructor(
    url: string,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) throw new RangeError('The master key is 32 bytes (64 hex digits)');
    this.pool = new Pool({ connectionString: url, max: 3 });
    this.pool.on('error', () => undefined);
  }

  async keyFor(participantId: string): Promise<Buffer> {
    await this.setUp();
    const wrapped = JSON.stringify(seal(newDataKey(), this.masterKey));
    await this.pool.query('INSERT INTO data_keys (participant_id, wrapped) VALUES ($1, $2) ON CONFLICT DO NOTHING', [participantId, wrapped]);
    return unwrapRow(await this.row(participantId), this.masterKey, true)!;
  }

  async find(participantId: string): Promise<Buffer | null> {
    await this.setUp();
    return unwrapRow(await this.row(participantId), this.masterKey);
  }

  /** Also VACUUMs the table, so the old row version is not left as a dead tuple in the data files. */
  async destroy(participantId: string): Promise<boolean> {
    await this.setUp();
    const destroyedAt = new Date().toISOString();
    const { rowCount } = await this.pool.query('UPDATE data_keys SET wrapped = NULL, destroyed_at = $2 WHERE participant_id = $1 AND wrapped IS NOT NULL', [participantId, destroyedAt]);
    await this.pool.query('INSERT INTO data_keys (participant_id, wrapped, destroyed_at) VALUES ($1, NULL, $2) ON CONFLICT DO NOTHING', [participantId, destroyedAt]);
    await this.pool.query('VACUUM data_keys');
    return (rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async row(participantId: string): Promise<{ wrapped: string | null } | undefined> {
    return (await this.pool.query<{ wrapped: string | null }>('SELECT wrapped FROM data_keys WHERE participant_id = $1', [participantId])).rows[0];
  }

  private setUp() {
    this.ready ??= this.pool.query(DATA_KEYS_TABLE);
    return this.ready;
  }
}

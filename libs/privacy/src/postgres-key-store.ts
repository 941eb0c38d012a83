import { Pool } from 'pg';
import { KeyStore } from './key-store';
import { newDataKey, seal, Sealed, unseal } from './sealed-box';

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
    const existing = await this.find(participantId);
    if (existing) return existing;
    const wrapped = JSON.stringify(seal(newDataKey(), this.masterKey));
    await this.pool.query('INSERT INTO data_keys (participant_id, wrapped) VALUES ($1, $2) ON CONFLICT DO NOTHING', [participantId, wrapped]);
    return (await this.find(participantId))!;
  }

  async find(participantId: string): Promise<Buffer | null> {
    await this.setUp();
    const { rows } = await this.pool.query<{ wrapped: string }>('SELECT wrapped FROM data_keys WHERE participant_id = $1', [participantId]);
    return rows[0] ? unseal(JSON.parse(rows[0].wrapped) as Sealed, this.masterKey) : null;
  }

  async destroy(participantId: string): Promise<boolean> {
    await this.setUp();
    return ((await this.pool.query('DELETE FROM data_keys WHERE participant_id = $1', [participantId])).rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private setUp() {
    this.ready ??= this.pool.query('CREATE TABLE IF NOT EXISTS data_keys (participant_id TEXT PRIMARY KEY, wrapped TEXT NOT NULL)');
    return this.ready;
  }
}

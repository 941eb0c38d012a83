import { Pool, PoolClient } from 'pg';
import { DataKey, KeyLookup } from './data-key';
import { activeKey, checkMasterKeys, DATA_KEYS_TABLE, groupByDigest, IdentityEntry, IDENTITY_INDEX_BY_DIGEST, IDENTITY_INDEX_TABLE, IdentityRow, KeyStore, lookupRow, MASTER_KEY_CHECK_TABLE, SHARED_IDENTITIES, unwrapRow } from './key-store';
import { MasterKeys } from './master-keys';
import { newDataKey } from './sealed-box';

/**
 * The production key store: a PostgreSQL table apart from the event log. A destroyed key's row
 * is a dead tuple until VACUUM reclaims it; the erasure procedure runs one (see the README).
 */
export class PostgresKeyStore implements KeyStore {
  private constructor(
    private readonly pool: Pool,
    private readonly masterKeys: MasterKeys,
  ) {}

  /** Makes the tables if need be and checks the master key opens this store's keys. */
  static async connect(url: string, masterKeys: MasterKeys): Promise<PostgresKeyStore> {
    const pool = new Pool({ connectionString: url, max: 3 });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined)); // a checked-out connection terminated by the server must not end the process
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtext('pathway.data_keys'))"); // replicas may start at once
        await client.query(DATA_KEYS_TABLE);
        await client.query('ALTER TABLE data_keys ADD COLUMN IF NOT EXISTS version INTEGER NOT NULL DEFAULT 1');
        await client.query(IDENTITY_INDEX_TABLE);
        await client.query(IDENTITY_INDEX_BY_DIGEST);
        await client.query(MASTER_KEY_CHECK_TABLE);
        await client.query('INSERT INTO master_key_check (id, wrapped) VALUES (1, $1) ON CONFLICT DO NOTHING', [masterKeys.wrap(newDataKey())]);
        const { rows } = await client.query<{ wrapped: string }>('SELECT wrapped FROM master_key_check');
        await client.query('COMMIT');
        checkMasterKeys(masterKeys, rows[0]!.wrapped);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresKeyStore(pool, masterKeys);
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const wrapped = this.masterKeys.wrap(newDataKey());
    await this.pool.query('INSERT INTO data_keys (participant_id, wrapped) VALUES ($1, $2) ON CONFLICT DO NOTHING', [participantId, wrapped]);
    return unwrapRow(await this.row(participantId), this.masterKeys, true)!;
  }

  /** One INSERT of every row (unnest of two arrays): one round trip, one commit. */
  async createKeys(participantIds: readonly string[]): Promise<number> {
    if (participantIds.length === 0) return 0;
    const wrapped = participantIds.map(() => this.masterKeys.wrap(newDataKey()));
    const { rowCount } = await this.pool.query(
      'INSERT INTO data_keys (participant_id, wrapped) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
      [participantIds, wrapped],
    );
    return rowCount ?? 0;
  }

  /** FOR SHARE on the active keys, as `indexIdentity`: no entry outlives a key destroyed meanwhile. */
  async indexIdentities(entries: readonly IdentityEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const latest = new Map(entries.map((e) => [e.participantId, e.digest])); // one row per participant for ON CONFLICT
    return this.inTransaction(async (client) => {
      const { rows } = await client.query<{ participant_id: string }>('SELECT participant_id FROM data_keys WHERE participant_id = ANY($1::text[]) AND wrapped IS NOT NULL FOR SHARE', [[...latest.keys()]]);
      const active = rows.map((r) => r.participant_id);
      if (active.length === 0) return 0;
      const { rowCount } = await client.query(
        'INSERT INTO identity_index (participant_id, digest) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (participant_id) DO UPDATE SET digest = excluded.digest',
        [active, active.map((id) => latest.get(id)!)],
      );
      return rowCount ?? 0;
    });
  }

  async find(participantId: string): Promise<Buffer | null> {
    return unwrapRow(await this.row(participantId), this.masterKeys);
  }

  async dataKeyFor(id: string): Promise<DataKey> {
    await this.keyFor(id);
    return activeKey(await this.lookup(id));
  }

  async lookup(id: string): Promise<KeyLookup> {
    return lookupRow(id, await this.row(id), this.masterKeys);
  }

  /**
   * The key, its tombstone and the blind-index entry in one transaction; then VACUUMs both tables,
   * so the old row versions are not left as dead tuples in the data files.
   */
  async destroy(participantId: string): Promise<boolean> {
    const destroyedAt = new Date().toISOString();
    const rowCount = await this.inTransaction(async (client) => {
      const { rowCount } = await client.query('UPDATE data_keys SET wrapped = NULL, destroyed_at = $2 WHERE participant_id = $1 AND wrapped IS NOT NULL', [participantId, destroyedAt]);
      await client.query('INSERT INTO data_keys (participant_id, wrapped, destroyed_at) VALUES ($1, NULL, $2) ON CONFLICT DO NOTHING', [participantId, destroyedAt]);
      await client.query('DELETE FROM identity_index WHERE participant_id = $1', [participantId]);
      return rowCount;
    });
    await this.pool.query('VACUUM data_keys, identity_index');
    return (rowCount ?? 0) > 0;
  }

  /** FOR SHARE waits for a `destroy` in flight and then sees the tombstone: no entry outlives the key. */
  async indexIdentity(participantId: string, digest: string): Promise<boolean> {
    return this.inTransaction(async (client) => {
      const key = await client.query('SELECT 1 FROM data_keys WHERE participant_id = $1 AND wrapped IS NOT NULL FOR SHARE', [participantId]);
      if (key.rowCount === 0) return false;
      await client.query('INSERT INTO identity_index (participant_id, digest) VALUES ($1, $2) ON CONFLICT (participant_id) DO UPDATE SET digest = excluded.digest', [participantId, digest]);
      return true;
    });
  }

  async findByIdentity(digest: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ participant_id: string }>('SELECT participant_id FROM identity_index WHERE digest = $1 ORDER BY participant_id', [digest]);
    return rows.map((r) => r.participant_id);
  }

  async sharedIdentities(): Promise<string[][]> {
    const { rows } = await this.pool.query<IdentityRow>(SHARED_IDENTITIES);
    return groupByDigest(rows);
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async rewrap(): Promise<number> {
    const client = await this.pool.connect();
    let moved = 0;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ participant_id: string; wrapped: string }>('SELECT participant_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL FOR UPDATE');
      for (const row of rows.filter((r) => !this.masterKeys.isCurrent(r.wrapped))) {
        await client.query('UPDATE data_keys SET wrapped = $2 WHERE participant_id = $1', [row.participant_id, this.masterKeys.wrap(this.masterKeys.unwrap(row.wrapped))]);
        moved++;
      }
      const check = await client.query<{ wrapped: string }>('SELECT wrapped FROM master_key_check FOR UPDATE');
      await client.query('UPDATE master_key_check SET wrapped = $1', [this.masterKeys.wrap(this.masterKeys.unwrap(check.rows[0]!.wrapped))]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    await this.pool.query('VACUUM data_keys');
    return moved;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async row(participantId: string): Promise<{ wrapped: string | null; version: number } | undefined> {
    return (await this.pool.query<{ wrapped: string | null; version: number }>('SELECT wrapped, version FROM data_keys WHERE participant_id = $1', [participantId])).rows[0];
  }

}

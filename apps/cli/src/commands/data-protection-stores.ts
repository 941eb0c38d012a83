import { randomUUID } from 'node:crypto';
import { CommandDependencies } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Environment, openAuditLog, openEventStore, openKeyStore, readModelDbConfig } from '@pathway/config';
import { KeyStore } from '@pathway/privacy';
import { openReadModelDb, ReadModelDb } from '@pathway/read-models';

export interface DataProtectionStores {
  deps: CommandDependencies;
  keys: KeyStore;
  audit: AuditLog;
  readModels: ReadModelDb;
  close(): Promise<void>;
}

/** The stores `pathway subject-access` and `pathway retention` work on, as configured for the API. */
export async function openDataProtectionStores(env: Environment): Promise<DataProtectionStores> {
  const store = openEventStore(env);
  const keys = await openKeyStore(env);
  const audit = openAuditLog(env);
  const readModels = openReadModelDb(readModelDbConfig(env));
  return {
    deps: { store, now: () => new Date(), newId: randomUUID },
    keys,
    audit,
    readModels,
    close: async () => {
      await readModels.db.destroy();
      await Promise.all([store.close(), keys.close(), audit.close()]);
    },
  };
}

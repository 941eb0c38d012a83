import { Command } from 'commander';
import { resolve } from 'node:path';
import { BackupRefusedError, takeBackup } from '@pathway/backup';
import { Environment } from '@pathway/config';
import { toolVersion } from '../tool-version';
import { embeddedOnly } from './embedded-only';

/**
 * `pathway backup --out DIR`: an online backup of the event log, the key store, the audit log
 * and the local accounts, consistent with each other, while the API runs (see takeBackup for the order and why).
 * Exit 2 when refused.
 */
export function backupCommand(env: Environment): Command {
  return new Command('backup')
    .description('back up the event log, key store, audit log and local accounts together while the API runs (not the master key)')
    .requiredOption('--out <dir>', 'a new or empty directory for the backup')
    .action(async (options: { out: string }) => {
      const refusal = embeddedOnly(env, 'backup');
      if (refusal) return fail(refusal);
      try {
        const manifest = await takeBackup({ dataDir: env.DATA_DIR, out: options.out, toolVersion: toolVersion() });
        console.log(`Backup ${manifest.backupId} written to ${resolve(options.out)}`);
        console.log(
          `  event log up to position ${manifest.log.position} (${manifest.log.events} events), ${manifest.keys?.live ?? 0} data keys, ${manifest.keys?.destroyed ?? 0} erased, ${manifest.audit?.entries ?? 0} audit entries, ${manifest.users?.accounts ?? 0} local accounts (sessions left out)`,
        );
        console.log(
          `The master key is NOT in the backup, and must not be kept beside it: ${env.MASTER_KEY ? 'MASTER_KEY (keep it in your secret store)' : `${resolve(env.DATA_DIR, 'master.key')} (copy it to a separate safe place)`}. A restore cannot open personal data without it.`,
        );
      } catch (error) {
        if (error instanceof BackupRefusedError) return fail(`${error.code}: ${error.message}`);
        throw error;
      }
    });
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
